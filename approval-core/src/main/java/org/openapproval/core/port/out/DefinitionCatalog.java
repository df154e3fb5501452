package org.openapproval.core.port.out;

import java.util.List;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalDefinition;

/** Lists the approval flow definitions a provider knows. */
public interface DefinitionCatalog {
    List<ApprovalDefinition> definitions();

    Optional<ApprovalDefinition> definition(String definitionId);
}

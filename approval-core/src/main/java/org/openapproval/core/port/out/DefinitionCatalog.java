package org.openapproval.core.port.out;

import java.util.List;
import java.util.Optional;
import org.openapproval.core.domain.ApprovalDefinition;

/** Lists the approval flow definitions a provider knows. */
public interface DefinitionCatalog {
    /** @return every definition the provider knows */
    List<ApprovalDefinition> definitions();

    /**
     * @param definitionId a definition's id
     * @return the definition, or empty if unknown
     */
    Optional<ApprovalDefinition> definition(String definitionId);
}

package org.openapproval.adapter.nocoly.dto;

/** An attachment of a work item ({@code files[]}); only what the domain keeps is read. */
public record WorkItemFile(String fileID, String originalFilename, String filename, String downloadUrl,
                           String viewUrl) {
}

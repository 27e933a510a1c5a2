"""Documents: a record becomes one neutral document, rendered to .docx and to .pdf. No Qt."""

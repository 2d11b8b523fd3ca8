"""Court reports: the report dialog and the PDF typesetting."""

"""Pure rules of the domain: enums and validators. No database, no Qt."""

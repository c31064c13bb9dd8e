"""Members: accounts, profiles, organisations and membership review."""

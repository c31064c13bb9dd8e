"""Member discussions: categories, topics, replies and moderation."""

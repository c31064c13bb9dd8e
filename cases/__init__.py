"""The library: case studies and tools as Wagtail pages."""

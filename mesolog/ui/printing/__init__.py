"""Reports on screen, saved as PDF and printed."""

"""Use cases. Each call opens one short session and returns plain, detached objects. No Qt."""

"""Pages for platform administrators (User.is_admin), across every cluster."""

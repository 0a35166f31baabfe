"""Going to a conference for a cluster: requests, nominations within the quota, registration."""

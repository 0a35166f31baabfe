"""Matchmaking: which member companies answer a need and which partners suit a company.

`rules` holds the weights and thresholds, `scoring` how well one company answers one need and why,
`candidates` who is looked at and ranked (from the index), `services` what people do with suggestions
(dismiss, introduce), `notices` telling authors about strong matches, `views` and `brokering` the pages.
"""

"""Libraries (专家库/中介机构库/监督指导库): members, ratings, review, elimination."""

"""Fixtures of the libraries tests."""

from plone import api

from changde.perfmgmt.core.rules.clock import today_in_china

#: ratings are given this year: elimination ranks the current year's
THIS_YEAR = today_in_china().year

RATINGS = {
    # name: scores
    "张伟": [90, 92, 88],
    "李娜": [60, 65, 70],
    "王芳": [80, 85, 75],
    "刘洋": [70],
}


def add_expert(library, name, scores=(), **fields):
    values = {"level": "municipal", "status": "active"}
    values.update(fields)
    expert = api.content.create(
        container=library, type="Expert", title=name, safe_id=True, **values
    )
    expert.ratings = [
        {
            "id": f"r{number}",
            "date": f"{THIS_YEAR}-01-01",
            "engagement": f"评价项目 {number}",
            "score": str(score),
            "rater": "office",
            "note": "",
        }
        for number, score in enumerate(scores, start=1)
    ]
    return expert


def add_experts(library, ratings=None):
    """Experts with ratings; answer {name: expert}."""
    ratings = RATINGS if ratings is None else ratings
    return {
        name: add_expert(library, name, scores, contact=f"{name} 138-0000-0000")
        for name, scores in ratings.items()
    }

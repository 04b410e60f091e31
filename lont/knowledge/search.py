"""Full-text search over the guide: PostgreSQL with Dutch stemming, SQLite with FTS5."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from .dutch import terms
from .models import GuidePoint, Recommendation

FTS_TABLE = "knowledge_fts"


@dataclass
class SearchHit:
    recommendation: Recommendation
    score: float
    point_ids: set[int] = field(default_factory=set)


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


def rebuild_index() -> None:
    if _is_postgres():
        return  # computed on the fly with to_tsvector('dutch', …); the guide is small
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
            "rec_id UNINDEXED, point_id UNINDEXED, weight UNINDEXED, body, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608 - constant table name
        rows: list[tuple[int, int | None, float, str]] = []
        for rec in Recommendation.objects.all():
            rows.append((rec.pk, None, 3.0, " ".join(terms(rec.heading))))
            body = f"{rec.explanation} {rec.question}"
            rows.append((rec.pk, None, 1.0, " ".join(terms(body))))
        for point in GuidePoint.objects.all():
            rows.append((point.recommendation_id, point.pk, 1.0, " ".join(terms(point.text))))
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rec_id, point_id, weight, body) VALUES (%s, %s, %s, %s)",  # noqa: S608
            rows,
        )


def search(query: str, *, phase: str | None = None, limit: int = 25) -> list[SearchHit]:
    query = query.strip()
    if not query:
        return []
    hits = _search_postgres(query) if _is_postgres() else _search_sqlite(query)
    recs = Recommendation.objects.in_bulk(list(hits))
    results = [
        SearchHit(recommendation=recs[rec_id], score=score, point_ids=points)
        for rec_id, (score, points) in hits.items()
        if rec_id in recs and (phase is None or recs[rec_id].phase == phase)
    ]
    results.sort(key=lambda hit: (-hit.score, hit.recommendation.order))
    return results[:limit]


def _search_sqlite(query: str) -> dict[int, tuple[float, set[int]]]:
    words = terms(query)
    if not words:
        return {}
    match = " AND ".join(f'"{word}"*' for word in words)
    hits: dict[int, tuple[float, set[int]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rec_id, point_id, weight, bm25({FTS_TABLE}) FROM {FTS_TABLE} "  # noqa: S608
            f"WHERE {FTS_TABLE} MATCH %s",
            [match],
        )
        for rec_id, point_id, weight, rank in cursor.fetchall():
            score, points = hits.get(rec_id, (0.0, set()))
            score += weight * -float(rank)  # bm25 is lower-is-better
            if point_id is not None:
                points.add(int(point_id))
            hits[rec_id] = (score, points)
    return hits


def _search_postgres(query: str) -> dict[int, tuple[float, set[int]]]:
    hits: dict[int, tuple[float, set[int]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT id, NULL, ts_rank(
                setweight(to_tsvector('dutch', heading), 'A') ||
                setweight(to_tsvector('dutch', explanation || ' ' || question), 'B'),
                websearch_to_tsquery('dutch', %s))
            FROM knowledge_recommendation
            WHERE (setweight(to_tsvector('dutch', heading), 'A') ||
                   setweight(to_tsvector('dutch', explanation || ' ' || question), 'B'))
                  @@ websearch_to_tsquery('dutch', %s)
            UNION ALL
            SELECT recommendation_id, id, ts_rank(to_tsvector('dutch', text),
                                                  websearch_to_tsquery('dutch', %s))
            FROM knowledge_guidepoint
            WHERE to_tsvector('dutch', text) @@ websearch_to_tsquery('dutch', %s)
            """,
            [query, query, query, query],
        )
        for rec_id, point_id, rank in cursor.fetchall():
            score, points = hits.get(rec_id, (0.0, set()))
            score += float(rank) * (3.0 if point_id is None else 1.0)
            if point_id is not None:
                points.add(int(point_id))
            hits[rec_id] = (score, points)
    return hits

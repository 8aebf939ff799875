-- Alerts of `tracer detect` from $src to $dst (or back), most severe first; or those whose id is in $ids (a JSON array).
SELECT id, detector, severity, technique, explanation
FROM alerts
WHERE CASE WHEN json_array_length($ids) > 0 THEN list_contains(from_json($ids, '["VARCHAR"]'), id)
           ELSE (src = $src AND list_contains(dst, $dst)) OR (src = $dst AND list_contains(dst, $src)) END
ORDER BY list_position(['critical', 'high', 'medium', 'low', 'info'], severity), score DESC, id
LIMIT $limit

# The demo's 1-3 judge (Chen et al. §3.4) for `npm run demo`'s language-penalty chart: derived from the demo's
# Likert judge (5-6 -> 3, 3-4 -> 2, 1-2 -> 1), so that the two judges tell one story. Kept beside demo/ rather
# than in it, so that importing demo/ stays as it is. Run from the project root: python3 scripts/demo/make_rating3.py
import json

rows = []
with open('demo/judge-likert.jsonl', encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        rating = 3 if r['score'] >= 5 else 2 if r['score'] >= 3 else 1
        rows.append({
            'kind': 'pointwise-judgment', 'run': r['run'], 'group': r['group'], 'lang': r['lang'], 'system': r['system'],
            'judge': 'rating3-judge', 'scale': 'rating-3', 'score': rating,
            'raw': f"{r.get('reasoning', '')} Rating: [[{rating}]]",
        })
with open('scripts/demo/judge-rating3.jsonl', 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')

# Writes demo/langlens.schema.json and demo/ratings-criteria.jsonl: the demo's numeric, criterion-rated task. Two
# native speakers per language rate each response 1-5 on fluency and on correctness, and a demo judge scores the
# same; the English-only system loses fluency, not correctness, outside English. Fixed seed.
# Run from the repository root: python3 scripts/demo/make_criteria_ratings.py
import json
import random

random.seed(11)
SCALE = {'name': 'quality-5', 'min': 1, 'max': 5, 'description': '1 = very poor, 5 = excellent'}
schema = {
    'scales': [SCALE],
    'criteria': [
        {'name': 'fluency', 'description': 'reads naturally in the prompt\'s language',
         'rubric': '5: as a native speaker would write it; 3: understandable, with errors; 1: not in the language or unreadable'},
        {'name': 'correctness', 'description': 'the content is right and answers the prompt',
         'rubric': '5: fully correct and complete; 3: partly correct; 1: wrong or off topic'},
    ],
    'tasks': [{'name': 'quality', 'kind': 'rating', 'scale': 'quality-5', 'criteria': ['fluency', 'correctness']}],
}
ANNOTATORS = {'en': ['alice', 'bob'], 'es': ['alice', 'carmen'], 'ru': ['bob', 'dmitri'], 'he': ['noa', 'yosef'],
              'zh': ['li', 'wei'], 'ar': ['layla', 'omar']}
BASE = {'mono-en': {'fluency': 2.6, 'correctness': 4.0}, 'multi-3': {'fluency': 3.8, 'correctness': 3.8},
        'multi-40': {'fluency': 4.4, 'correctness': 4.1}}
records = []
for group in ['egg', 'capital', 'prime', 'haiku']:
    for lang, annotators in ANNOTATORS.items():
        for system, quality in BASE.items():
            for criterion, mean in quality.items():
                truth = 4.7 if system == 'mono-en' and lang == 'en' and criterion == 'fluency' else mean
                for annotator in annotators:
                    rating = min(5, max(1, round(random.gauss(truth, 0.7))))
                    records.append({'kind': 'rating-label', 'run': 'demo', 'group': group, 'lang': lang, 'system': system,
                                    'annotator': annotator, 'criterion': criterion, 'scale': 'quality-5', 'scale_min': 1,
                                    'scale_max': 5, 'rating': rating, 'labelled_at': '2024-06-03T10:00:00Z'})
                score = min(5, max(1, round(random.gauss(truth + 0.3, 0.8 if lang in ('ru', 'ar') else 0.5))))
                records.append({'kind': 'pointwise-judgment', 'run': 'demo', 'group': group, 'lang': lang, 'system': system,
                                'judge': 'quality-judge', 'criterion': criterion, 'scale': 'quality-5', 'scale_min': 1,
                                'scale_max': 5, 'score': score})
with open('demo/langlens.schema.json', 'w') as out:
    json.dump(schema, out, indent=2, ensure_ascii=False)
    out.write('\n')
with open('demo/ratings-criteria.jsonl', 'w') as out:
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + '\n')

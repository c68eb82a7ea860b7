# Writes demo/*.jsonl, the bundled demo run (run from the demo/ folder: cd demo && python3 ../scripts/demo/make_demo_data.py).
# The texts are hand-written; the judge errors and annotator disagreements are drawn with a fixed seed.
import json, random
random.seed(7)
LANGS = ['en','es','ru','he','zh','ar']
PROMPTS = {
 'egg': {
  'en': 'How do I boil an egg so that the yolk stays soft?',
  'es': '¿Cómo hiervo un huevo para que la yema quede blanda?',
  'ru': 'Как сварить яйцо, чтобы желток остался мягким?',
  'he': 'איך מבשלים ביצה כך שהחלמון יישאר רך?',
  'zh': '怎样煮鸡蛋才能让蛋黄保持柔软？',
  'ar': 'كيف أسلق بيضة بحيث يبقى الصفار طريًا؟'},
 'capital': {
  'en': 'What is the capital of Australia, and why is it not Sydney?',
  'es': '¿Cuál es la capital de Australia y por qué no es Sídney?',
  'ru': 'Какая столица у Австралии и почему это не Сидней?',
  'he': 'מהי בירת אוסטרליה, ולמה זו לא סידני?',
  'zh': '澳大利亚的首都是哪里？为什么不是悉尼？',
  'ar': 'ما هي عاصمة أستراليا، ولماذا ليست سيدني؟'},
 'prime': {
  'en': 'Explain what a prime number is and show a short Python function that tests for one.',
  'es': 'Explica qué es un número primo y muestra una función corta en Python que lo compruebe.',
  'ru': 'Объясни, что такое простое число, и покажи короткую функцию на Python для проверки.',
  'he': 'הסבר מהו מספר ראשוני והראה פונקציית פייתון קצרה שבודקת זאת.',
  'zh': '解释什么是质数，并给出一个简短的 Python 函数来判断。',
  'ar': 'اشرح ما هو العدد الأولي وأعطِ دالة قصيرة بلغة بايثون تتحقق منه.'},
 'haiku': {
  'en': 'Write a haiku about the sea at night.',
  'es': 'Escribe un haiku sobre el mar de noche.',
  'ru': 'Напиши хокку о ночном море.',
  'he': 'כתוב הייקו על הים בלילה.',
  'zh': '写一首关于夜晚大海的俳句。',
  'ar': 'اكتب قصيدة هايكو عن البحر في الليل.'},
}
PY = "```python\ndef is_prime(n: int) -> bool:\n    if n < 2:\n        return False\n    return all(n % d for d in range(2, int(n ** 0.5) + 1))\n```"
GOOD = {
 'egg': {
  'en': "Bring a pot of water to a rolling boil, then lower the egg in gently with a spoon.\n\n1. Boil for **6 to 7 minutes** for a soft, jammy yolk.\n2. Move the egg straight into ice water for two minutes.\n3. Peel under running water.\n\nLarger eggs need about 30 seconds more.",
  'es': "Lleva una olla de agua a ebullición y baja el huevo con cuidado usando una cuchara.\n\n1. Hiérvelo **entre 6 y 7 minutos** para una yema blanda y cremosa.\n2. Pásalo enseguida a agua con hielo durante dos minutos.\n3. Pélalo bajo el chorro de agua.\n\nLos huevos grandes necesitan unos 30 segundos más.",
  'ru': "Доведите воду в кастрюле до сильного кипения и аккуратно опустите яйцо ложкой.\n\n1. Варите **6–7 минут**, чтобы желток остался мягким.\n2. Сразу переложите яйцо в ледяную воду на две минуты.\n3. Очистите его под струёй воды.\n\nКрупным яйцам нужно примерно на 30 секунд больше.",
  'he': "הביאו סיר מים לרתיחה מלאה והכניסו את הביצה בעדינות בעזרת כף.\n\n1. בשלו **6 עד 7 דקות** לחלמון רך ועסיסי.\n2. העבירו מיד למי קרח לשתי דקות.\n3. קלפו מתחת למים זורמים.\n\nביצה גדולה (L) צריכה כ־30 שניות נוספות.",
  'zh': "先把一锅水烧到大滚，再用勺子把鸡蛋轻轻放进去。\n\n1. 煮 **6 到 7 分钟**，蛋黄就会柔软流心。\n2. 立刻把鸡蛋放进冰水里冷却两分钟。\n3. 在流水下剥壳会更容易。\n\n如果鸡蛋比较大，需要多煮大约三十秒。这样煮出来的蛋白凝固而蛋黄仍然柔滑。",
  'ar': "اغلِ قدرًا من الماء غليانًا قويًا، ثم أنزل البيضة برفق باستخدام ملعقة.\n\n1. اسلقها **من 6 إلى 7 دقائق** ليبقى الصفار طريًا.\n2. انقلها فورًا إلى ماء مثلج لمدة دقيقتين.\n3. قشّرها تحت الماء الجاري.\n\nالبيض الكبير يحتاج إلى نحو 30 ثانية إضافية."},
 'capital': {
  'en': "The capital of Australia is **Canberra**. When the colonies federated in 1901, Sydney and Melbourne both wanted the title, so a compromise site was chosen between them; Parliament moved there in 1927.",
  'es': "La capital de Australia es **Canberra**. Cuando las colonias se federaron en 1901, Sídney y Melbourne querían el título, así que se eligió un lugar intermedio; el Parlamento se trasladó allí en 1927.",
  'ru': "Столица Австралии — **Канберра**. После объединения колоний в 1901 году Сидней и Мельбурн спорили за этот статус, поэтому столицу построили между ними; парламент переехал туда в 1927 году.",
  'he': "בירת אוסטרליה היא **קנברה**. כשהמושבות התאחדו ב־1901, גם סידני וגם מלבורן רצו בתואר, ולכן נבחר מקום פשרה ביניהן; הפרלמנט עבר לשם ב־1927.",
  'zh': "澳大利亚的首都是**堪培拉**。1901 年各殖民地联合时，悉尼和墨尔本都想成为首都，于是双方妥协，在两城之间另建新都；议会于 1927 年迁到那里。所以首都既不是悉尼也不是墨尔本。",
  'ar': "عاصمة أستراليا هي **كانبرا**. عندما اتحدت المستعمرات عام 1901 أرادت كل من سيدني وملبورن اللقب، فاختير موقع وسط بينهما كحل وسط، وانتقل البرلمان إليه عام 1927."},
 'prime': {
  'en': "A prime number is a whole number greater than 1 whose only divisors are 1 and itself, such as 2, 3, 5 and 7.\n\n" + PY + "\n\nIt only needs to try divisors up to the square root of `n`.",
  'es': "Un número primo es un entero mayor que 1 cuyos únicos divisores son 1 y él mismo, como 2, 3, 5 y 7.\n\n" + PY + "\n\nSolo hace falta probar divisores hasta la raíz cuadrada de `n`.",
  'ru': "Простое число — это целое число больше 1, которое делится только на 1 и на само себя, например 2, 3, 5 и 7.\n\n" + PY + "\n\nДелители достаточно проверять до квадратного корня из `n`.",
  'he': "מספר ראשוני הוא מספר שלם גדול מ־1 שמתחלק רק ב־1 ובעצמו, כמו 2, 3, 5 ו־7.\n\n" + PY + "\n\nמספיק לבדוק מחלקים עד השורש הריבועי של `n`.",
  'zh': "质数是大于 1 的整数，除了 1 和它本身以外没有别的因数，例如 2、3、5 和 7。\n\n" + PY + "\n\n只需要检查到 `n` 的平方根为止的因数，因为更大的因数一定和更小的因数成对出现。",
  'ar': "العدد الأولي هو عدد صحيح أكبر من 1 لا يقبل القسمة إلا على 1 وعلى نفسه، مثل 2 و3 و5 و7.\n\n" + PY + "\n\nيكفي فحص القواسم حتى الجذر التربيعي للعدد `n`."},
 'haiku': {
  'en': "Black water breathing —\nthe moon unrolls a silver road\nno boat will travel.\n\nThe haiku keeps the 5-7-5 rhythm and ends on an image of stillness.",
  'es': "Respira el mar negro —\nla luna tiende un camino\nque ningún barco cruza.\n\nEl haiku busca el ritmo 5-7-5 y termina con una imagen de quietud.",
  'ru': "Дышит чёрная вода —\nлуна расстилает серебряную дорогу,\nпо которой не пройдёт лодка.\n\nХокку держит ритм и заканчивается образом тишины и покоя.",
  'he': "מים שחורים נושמים —\nהירח פורש דרך של כסף\nשאף סירה לא תשוט בה.\n\nההייקו שומר על קצב קצר ומסתיים בתמונה של שקט.",
  'zh': "黑色的海在呼吸——\n月亮铺开一条银色的路，\n没有船会驶过。\n\n这首俳句保留了短促的节奏，并以一幅宁静的画面结束，让夜色和海浪都安静下来。",
  'ar': "ماءٌ أسود يتنفس —\nالقمر يفرش طريقًا فضيًا\nلن يعبره قارب.\n\nتحافظ القصيدة على إيقاع قصير وتنتهي بصورة للسكون."},
}
SHORT = {
 'egg': {'en': "Boil it for about 6 minutes.", 'es': "Hiérvelo unos 6 minutos y luego ponlo en agua fría para cortar la cocción.", 'ru': "Варите около 6 минут, потом остудите яйцо в холодной воде.", 'he': "בשלו כ־6 דקות ואז קררו במים קרים.", 'zh': "煮大约六分钟，然后放进冷水里。", 'ar': "اسلقها نحو 6 دقائق ثم ضعها في ماء بارد."},
 'capital': {'en': "Canberra.", 'es': "Es Canberra, elegida como punto intermedio entre Sídney y Melbourne.", 'ru': "Канберра — её выбрали как компромисс между Сиднеем и Мельбурном.", 'he': "קנברה.", 'zh': "堪培拉。", 'ar': "كانبرا."},
 'prime': {'en': "A number divisible only by 1 and itself.\n\n" + PY, 'es': "Un número divisible solo por 1 y por sí mismo.\n\n" + PY, 'ru': "Число, которое делится только на 1 и на себя.\n\n" + PY, 'he': PY, 'zh': PY, 'ar': PY},
 'haiku': {'en': "Night sea, quiet waves,\nmoonlight on the water,\nthe world is asleep.", 'es': "Mar de noche, olas quietas,\nla luna sobre el agua,\nel mundo duerme.", 'ru': "Ночное море, тихие волны,\nлунный свет на воде,\nмир спит.", 'he': "ים לילי, גלים שקטים.", 'zh': "夜海静，月光照。", 'ar': "بحر الليل، أمواج هادئة."},
}
rows = []
def add(**r): rows.append(r)
for g, by in PROMPTS.items():
    for l, t in by.items():
        add(kind='prompt', run='demo', group=g, lang=l, text=t)
# Systems: mono-en (tuned on English only: often answers in English), multi-3 (en, es, ru: short answers elsewhere),
# multi-40 (40 multilingual examples: answers well in every language).
resp = {}
for g in PROMPTS:
    for l in LANGS:
        resp[(g,l,'multi-40')] = GOOD[g][l]
        if l in ('en','es','ru'):
            resp[(g,l,'multi-3')] = GOOD[g][l] if g in ('egg','prime') else SHORT[g][l]
        else:
            resp[(g,l,'multi-3')] = SHORT[g][l] if g != 'capital' else GOOD[g]['en']
        resp[(g,l,'mono-en')] = GOOD[g]['en'] if l != 'en' and g != 'haiku' else SHORT[g][l] if l != 'en' else GOOD[g]['en']
# A response that carries raw HTML, as model output sometimes does: it must be shown as text, never run.
resp[('prime','en','multi-3')] = ("Here is a widget you can paste into a page: <img src=x onerror=\"document.title='pwned'\">"
  " <script>document.title='pwned'</script> <iframe src=\"https://example.com\"></iframe>\n\n" + PY)
for (g,l,s), t in sorted(resp.items()):
    add(kind='response', run='demo', group=g, lang=l, system=s, text=t)
# Pairwise judge verdicts in both orders: each multilingual system against the English-only baseline.
quality = lambda g,l,s: (2 if resp[(g,l,s)] == GOOD[g][l] else 1 if resp[(g,l,s)] in (SHORT[g][l],) else 0)
def truth(g,l,a,b):
    qa, qb = quality(g,l,a), quality(g,l,b)
    return 'A' if qa > qb else 'B' if qb > qa else 'tie'
judge_rows = []
for g in PROMPTS:
    for l in LANGS:
        for s in ('multi-40', 'multi-3'):
            t = truth(g,l,s,'mono-en')
            for order in ('AB','BA'):
                v = t
                r = random.random()
                if r < 0.12: v = {'A':'B','B':'A','tie':'A'}[t]  # a judge error, in one order only
                raw = {'A': 'Response 1' if order=='AB' else 'Response 2', 'B': 'Response 2' if order=='AB' else 'Response 1', 'tie': 'Tie'}[v]
                answer = f"Both answers address the question. Overall, the better answer is: {raw}."
                if g == 'haiku' and l == 'ar' and s == 'multi-3' and order == 'BA':
                    v, answer = 'invalid', 'I cannot judge poetry in this language.'
                judge_rows.append(dict(kind='pairwise-judgment', run='demo', group=g, lang=l, judge='gpt-judge', system_a=s, system_b='mono-en', order=order, verdict=v, raw=answer))
rows += judge_rows
# Likert 1-6 helpfulness scores from a second judge.
for (g,l,s), t in sorted(resp.items()):
    q = quality(g,l,s)
    score = {2: 5, 1: 3, 0: 4}[q] + (1 if random.random() < 0.2 else 0)
    add(kind='pointwise-judgment', run='demo', group=g, lang=l, system=s, judge='likert-judge', scale='likert-6', score=min(6, score), reasoning='Helpful and accurate.' if q == 2 else 'Correct but thin.' if q == 1 else 'Helpful content.')
# Two native-speaker annotators per language label pairwise (blind, their order recorded) and rate responses.
ann = {'en': ['alice','bob'], 'es': ['alice','carmen'], 'ru': ['dmitri','bob'], 'he': ['noa','yosef'], 'zh': ['li','wei'], 'ar': ['omar','layla']}
t0 = 1717236000
k = 0
for g in PROMPTS:
    for l in LANGS:
        for who in ann[l]:
            for s in ('multi-40','multi-3'):
                v = truth(g,l,s,'mono-en')
                if random.random() < 0.15: v = 'tie' if v != 'tie' else 'A'
                order = random.choice(['AB','BA'])
                k += 1
                add(kind='pairwise-label', run='demo', group=g, lang=l, annotator=who, system_a=s, system_b='mono-en', verdict=v, order=order, labelled_at=f"2024-06-01T{10 + k // 60:02d}:{k % 60:02d}:00Z")
            for s in ('multi-40','multi-3','mono-en'):
                q = quality(g,l,s)
                rating = {2: 'excellent', 1: 'pass', 0: 'fail'}[q]
                if random.random() < 0.15: rating = 'pass' if rating != 'pass' else 'excellent'
                k += 1
                add(kind='rating-label', run='demo', group=g, lang=l, annotator=who, system=s, rating=rating, labelled_at=f"2024-06-01T{10 + k // 60:02d}:{k % 60:02d}:00Z")
# A human override: the detector cannot tell a response made only of code; a native speaker says what it is.
add(kind='language-label', run='demo', group='prime', lang='he', annotator='noa', system='multi-3', language='zxx', comment='Only code, no natural language.')
def dump(name, kinds):
    with open(name, 'w') as f:
        for r in rows:
            if r['kind'] in kinds: f.write(json.dumps(r, ensure_ascii=False) + '\n')
dump('prompts.jsonl', {'prompt'}); dump('responses.jsonl', {'response'})
dump('judge-pairwise.jsonl', {'pairwise-judgment'}); dump('judge-likert.jsonl', {'pointwise-judgment'})
dump('human-labels.jsonl', {'pairwise-label','rating-label','language-label'})
print(len(rows))

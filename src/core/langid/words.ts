// Word-level evidence for the close languages where franc's character trigrams are weak (Danish and Norwegian share
// most trigrams, so do Spanish and Galician). Each list holds a language's frequent function words (articles,
// pronouns, prepositions, conjunctions, auxiliaries, question words) and a few very common adverbs, spelt as the
// standard language spells them. A word in the lists of two languages counts for both, so it does not move them apart:
// only the words that differ (Danish af / hvad / mig / nu against Norwegian av / hva / meg / nå) separate them. That is
// why every list names the shared words too: a shared word missing from one list would count as evidence against it.
import { languageKey, type LanguageTag } from '../model/language';

const words = (s: string): readonly string[] => s.trim().split(/\s+/);

/** Function words per language key; Serbian in both alphabets, Norwegian Bokmål and Nynorsk together ("no"). */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  // North Germanic
  da: words(`
    og i at det en et den de der som til på med for af er var har have havde ikke jeg du han hun vi I dem os mig dig sig
    ham hende jer min mit mine din dit dine sin sit sine vores jeres deres hvad hvordan hvorfor hvor hvornår hvilken
    hvilket hvilke hvem om fra efter over under mellem uden ved hos mod gennem også kun nu meget mange noget nogen nogle
    ingen intet alle alt kan skal vil må kunne skulle ville blive bliver blev være været er men eller fordi hvis når da
    så sådan her der også lige igen altid aldrig op ud ned endnu allerede måske gerne tak bare selv andre anden andet
    hinanden dette disse jo nok både enten eller samt`),
  no: words(`
    kun å
    og i det en et ei den de der som til på med for av er var har ha hadde ikke ikkje jeg eg du han hun ho vi dere dem
    oss meg deg seg henne min mitt mine din ditt dine sin sitt sine vår vårt våre deres hva kva hvordan korleis hvorfor
    kvifor hvor kvar når hvilken hvilket hvilke kven hvem om fra frå etter over under mellom uten utan ved hos mot
    gjennom også òg bare berre nå mye mykje mange noe noko noen nokon ingen alle alt kan skal vil må kunne skulle ville
    bli blir ble blitt være vere vært er men eller fordi hvis viss når da så slik sånn her der igjen alltid aldri opp
    ut ned ennå allerede kanskje gjerne takk selv sjølv andre annen annet hverandre dette disse jo nok både enten samt
    ein eit dei veldig`),
  sv: words(`
    och i att det en ett den de som till på med för av är var har ha hade inte jag du han hon vi ni dem oss mig dig sig
    honom henne er min mitt mina din ditt dina sin sitt sina vår vårt våra deras vad hur varför var när vilken vilket
    vilka vem om från efter över under mellan utan vid hos mot genom också bara nu mycket många något någon några
    ingen inget alla allt kan ska skall vill måste kunna skulle vilja bli blir blev blivit vara varit men eller eftersom
    därför om när då så sådan här där igen alltid aldrig upp ut ner ännu redan kanske gärna tack själv andra annan
    annat varandra detta dessa ju nog både antingen samt än även dock`),
  // Ibero-Romance
  es: words(`
    a
    el la los las lo un una unos unas de del al y e o u que en es son está están ser estar fue era por para con sin sobre
    entre hasta desde durante como cómo qué cuál cuáles quién quiénes dónde cuándo cuánto porque pero sino más muy
    también tampoco no sí ya aún todavía se me te le les nos os mi mis tu tus su sus yo tú él ella ellos ellas usted
    ustedes nosotros este esta estos estas ese esa esos esas esto eso aquí allí hay ha han he has hemos puede pueden
    puedo puedes hacer tiene tienen tengo todo todos toda todas otro otra otros otras mucho muchos mucha muchas poco
    algo nada cada cuando donde si bien mejor así entonces aunque antes después siempre nunca gracias hola`),
  ca: words(`
    a
    el la els les lo l un una uns unes de del dels al als i o que en és són està estan ser estar va era per amb sense
    sobre entre fins des durant com què quin quina quins quines qui on quan quant perquè però sinó més molt molta
    molts moltes també tampoc no sí ja encara es em et li els ens us meu meva meus meves teu teva seu seva seus seves
    jo tu ell ella ells elles vostè vostès nosaltres vosaltres aquest aquesta aquests aquestes aquell aquella això
    allò aquí allà hi ha han he has hem pot poden puc pots fer té tenen tinc tot tots tota totes altre altra altres
    res cada quan on si bé millor així doncs llavors encara que abans després sempre mai gràcies hola pel pels`),
  gl: words(`
    o a os as un unha uns unhas de do da dos das ao á aos ás e ou que en no na nos nas é son está están ser estar foi
    era por para con sen sobre entre ata desde dende durante como que cal cales quen onde cando canto porque pero mais
    máis moi moito moita moitos moitas tamén tampouco non si xa aínda se me te lle lles nos vos meu miña meus miñas teu
    túa seu súa seus súas eu ti el ela eles elas vostede vostedes nós vós este esta estes estas ese esa eses esas isto
    iso aquí alí hai ha han pode poden podo podes facer ten teñen teño todo todos toda todas outro outra outros outras
    pouco algo nada cada cando onde ben mellor así entón aínda que antes despois sempre nunca grazas ola polo pola polos
    polas cun cunha nun nunha deste desta neste nesta`),
  pt: words(`
    o a os as um uma uns umas de do da dos das ao à aos às e ou que em no na nos nas é são está estão ser estar foi era
    por para com sem sobre entre até desde durante como qual quais quem onde quando quanto porque mas mais muito muita
    muitos muitas também tampouco não sim já ainda se me te lhe lhes nos vos meu minha meus minhas teu tua seu sua seus
    suas eu tu ele ela eles elas você vocês nós vós este esta estes estas esse essa esses essas isto isso aqui ali há
    tem têm pode podem posso fazer tenho todo todos toda todas outro outra outros outras pouco algo nada cada bem
    melhor assim então embora antes depois sempre nunca obrigado obrigada olá pelo pela pelos pelas num numa deste
    desta neste nesta`),
  // Cyrillic South and East Slavic
  ru: words(`
    да
    и в во не на что я с со он как это по но они к у же вы за бы от так его все всё она только мне было вот меня ещё
    еще нет о об из ему теперь когда даже ли если уже или ни быть был была были будет него до вас нибудь там потом
    себя ничего ей может тут где есть надо ней для мы тебя их чем сам чтобы без чего тоже себе под тогда кто этот эта
    эти того потому этого какой какая какие здесь этом один мой сейчас куда зачем всех никогда можно при после над
    больше тот через нас про всего них много хорошо свою этой перед лучше такой им более всегда конечно между также
    очень который которая которое которые можете пожалуйста спасибо почему является`),
  uk: words(`
    один
    і й та в у не на що я з із зі він як це по але вони до ви за би б від так його все всі вона тільки лише мені було ось
    мене ще ні немає о про йому тепер коли навіть чи якщо вже або бути був була були буде нього вас там потім себе
    нічого їй може тут де є треба для ми тебе їх ніж сам щоб без чого також теж під тоді хто цей ця ці того тому цього
    який яка яке які зараз куди навіщо всіх ніколи можна при після над більше той через нас всього них багато добре
    свою цієї перед краще такий їм більш завжди звичайно між дуже котрий можете будь ласка дякую чому`),
  bg: words(`
    и в във не на че аз с със той как това по но те към за би от така всичко всички тя само ми беше ето мен още няма
    му сега когато дори ли ако вече или нито бъде бил била били ще него до вас ви там после след себе нищо може тук
    където е са съм сме сте си трябва нея ние теб тях отколкото сам да без какво също под тогава кой коя кое кои
    който която което които този тази тези защото какъв какви един една едно мой моя сега къде защо никога много при
    два друг друга други над повече чрез нас ги го им ни ме добре своя свои преди по-добре такъв винаги между можете
    моля благодаря има нещо някои всеки`),
  mk: words(`
    и во не на дека јас со тој како ова тоа по но тие кон за би од така сè сите таа само ми беше ете мене уште нема му
    сега кога дури ли ако веќе или ниту биде бил била биле ќе него до вас ви таму потоа после себе ништо може тука
    каде е се сум сме сте си треба неа ние тебе нив отколку сам да без што исто така под тогаш кој која кое кои овој
    оваа ова овие бидејќи каков какви еден една едно мој моја зошто никогаш многу при два друг друга други над
    повеќе преку нас ги го им ни ме добро својот своите пред подобро таков секогаш меѓу можете молам благодарам има
    нешто некои секој`),
  // Serbian in Cyrillic and in Latin, and its Latin-script neighbours
  sr: words(`
    hiljadu istorije istorijski istorijske nedelja porodica hleb muzika nauka tačno tačka univerzitet autorka tokom sačuvati
    над a pa ta ti te
    и у не на да ја са с он као ово то по али они ка ви за би од тако све сви она само ми било ево мене још нема му сада
    када кад чак ли ако већ или ни бити био била били ће њега до вас вам тамо затим после себе ништа јој може овде где
    је су сам смо сте си треба њу ми тебе њих њихов него без шта што такође под тада ко која који које овај ова ови јер
    какав један једна једно мој моја зашто никада много при два други друга преко више кроз нас их га им нам ме добро
    свој своје пре понекад боље такав увек наравно између можете молим хвала има нешто неки сваки веома зато
    i u ne na da ja sa s on kao ovo to po ali oni ka vi za bi od tako sve svi ona samo mi bilo evo mene još nema mu sada
    kada kad čak li ako već ili ni biti bio bila bili će njega do vas vam tamo zatim posle sebe ništa joj može ovde gde
    je su sam smo ste si treba nju tebe njih njihov nego bez šta što takođe pod tada ko koja koji koje ovaj ova ovi jer
    kakav jedan jedna jedno moj moja zašto nikada mnogo pri dva drugi druga preko više kroz nas ih ga im nam me dobro
    svoj svoje pre ponekad bolje takav uvek naravno između možete molim hvala ima nešto neki svaki veoma zato uopšte`),
  hr: words(`
    tko tisuća povijest povijesti povijesni povijesne tjedan obitelj kruh glazba znanost točno točka sveučilište autorica tijekom spremiti
    a pa ta ti te
    i u ne na da ja sa s on kao ovo to po ali oni ka k vi za bi od tako sve svi ona samo mi bilo evo mene još nema mu
    sada kada kad čak li ako već ili ni biti bio bila bili će njega do vas vam tamo zatim poslije sebe ništa joj može
    ovdje gdje je su sam smo ste si treba nju tebe njih njihov nego bez što tko također pod tada koja koji koje ovaj
    ova ovi jer kakav jedan jedna jedno moj moja zašto nikada mnogo vrlo jako pri dva drugi druga preko više kroz nas
    ih ga im nam me dobro svoj svoje prije ponekad bolje takav uvijek naravno između možete molim hvala ima nešto neki
    svaki zato uopće trebate želite`),
  bs: words(`
    hiljadu historije historijski historijske sedmica porodica hljeb muzika nauka tačno tačka univerzitet autorka tokom
    a pa ta ti te
    i u ne na da ja sa s on kao ovo to po ali oni ka vi za bi od tako sve svi ona samo mi bilo evo mene još nema mu sada
    kada kad čak li ako već ili ni biti bio bila bili će njega do vas vam tamo zatim poslije sebe ništa joj može ovdje
    gdje je su sam smo ste si treba nju tebe njih njihov nego bez šta što ko također pod tada koja koji koje ovaj ova
    ovi jer kakav jedan jedna jedno moj moja zašto nikada mnogo vrlo jako pri dva drugi druga preko više kroz nas ih ga
    im nam me dobro svoj svoje prije ponekad bolje takav uvijek naravno između možete molim hvala ima nešto neki svaki
    zato uopće hiljada historija`),
  // Montenegrin: ijekavian like Bosnian, with its own đe / śutra spellings
  cnr: words(`
    hiljadu istorije istorijski istorijske sedmica porodica hljeb muzika nauka tačno tačka univerzitet autorka tokom
    i u ne na da ja sa s on kao ovo to po ali oni ka vi za bi od tako sve svi ona samo mi bilo evo mene još nema mu sada
    kada kad čak li ako već ili ni biti bio bila bili će njega do vas vam tamo zatim poslije sebe ništa joj može ovdje
    đe gdje je su sam smo ste si treba nju tebe njih njihov nego bez šta što ko takođe pod tada koja koji koje ovaj ova
    ovi jer kakav jedan jedna jedno moj moja zašto nikada mnogo vrlo jako pri dva drugi druga preko više kroz nas ih ga
    im nam me dobro svoj svoje prije ponekad bolje takav uvijek naravno između možete molim hvala ima nešto neki svaki
    zato uopšte hiljada istorija a pa ta ti te`),
  sl: words(`
    preden sicer boste bomo bom
    in v ne na da jaz s z on kot to ta ti te po ali a oni k h vi za bi od tako vse vsi ona samo mi je bilo evo mene še
    ni nima mu zdaj ko ker če že ali ali biti bil bila bili bo bodo njega do vas vam tam potem po sebe nič ji lahko
    tukaj tu kje so sem smo ste si treba jo tebe njih njihov kot brez kaj tudi pod takrat kdo katera kateri katero ki
    ta ker kakšen en ena eno moj moja zakaj nikoli veliko zelo pri dva drugi druga prek več skozi nas jih ga jim nam me
    dobro svoj svoje pred včasih bolje tak vedno seveda med morate prosim hvala ima nekaj nekateri vsak zato vendar
    torej kdaj koliko pa sta imajo`),
  cs: words(`
    a i v ve na se že to je jsou být byl byla bylo byli bude budou jsem jsi jsme jste není s se z ze do pro k ke o od
    po při před přes mezi bez nad pod za u jak jako ale nebo také když který která které kteří co proč kde kdy kam už
    jen ještě mně mi mě mít mám máte má tak velmi více víc může můžete musí musíte by bych aby podle tento tato toto
    tyto jeho její jejich nás vás nám vám své svůj svoje něco nějaký každý všechny všechno dobře prosím děkuji lze však
    tedy protože další ani jestli pokud`),
  sk: words(`
    a i v vo na sa že to je sú byť bol bola bolo boli bude budú som si sme ste nie je s so z zo do pre k ku o od po pri
    pred cez medzi bez nad pod za u ako ale alebo tiež keď ktorý ktorá ktoré ktorí čo prečo kde kedy kam už len ešte
    mne mi ma mať mám máte má tak veľmi viac môže môžete musí musíte by aby podľa tento táto toto tieto jeho jej ich
    nás vás nám vám svoje svoj niečo nejaký každý všetky všetko dobre prosím ďakujem však teda pretože ďalší ani iba
    či ak`),
  // Malay and Indonesian
  id: words(`
    yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga atau bisa dapat ada saya anda kamu kami
    kita mereka dia ia sudah telah belum sedang harus karena jika kalau bila apabila tetapi tapi namun oleh sebagai
    seperti lebih sangat banyak apa bagaimana mengapa kenapa kapan di mana siapa bahwa yaitu saja sekarang setelah
    sesudah selama agar supaya tentang mengenai kepada bagi antara hanya masih sama semua setiap beberapa tersebut
    merupakan secara berbagai mau ingin baik benar uang pemerintah informasi meskipun walaupun nggak enggak
    dibandingkan daripada`),
  ms: words(`
    yang dan di ke dari ini itu dengan untuk pada adalah ialah dalam tidak tak akan juga atau boleh dapat ada saya anda
    awak kami kita mereka dia ia sudah telah belum sedang mesti perlu kerana jika kalau bila apabila tetapi namun oleh
    sebagai seperti lebih sangat amat banyak ramai apa bagaimana mengapa kenapa bila di mana siapa bahawa iaitu sahaja
    sekarang kini selepas semasa agar supaya tentang mengenai kepada bagi antara hanya masih sama semua setiap beberapa
    tersebut merupakan secara pelbagai mahu ingin baik betul wang kerajaan maklumat walaupun berbanding daripada
    hendak`),
  // Devanagari
  hi: words(`
    है हैं था थे थी हो होता होती होते का की के में से को और या यह वह ये वे नहीं न कि पर भी तो एक लिए लिये क्या कैसे
    क्यों कब कहाँ कौन आप मैं हम तुम इस उस इन उन जो जिस जिन कर करें करना करते सकते सकता सकती रहा रही रहे गया गई गए
    ने अपने अपना अपनी बहुत कुछ सभी हर अगर लेकिन परंतु क्योंकि जब तक साथ बाद पहले अब यहाँ वहाँ कृपया धन्यवाद`),
  mr: words(`
    आहे आहेत होता होती होते आणि व किंवा या ते हे ही तो ती की नाही न पण तर एक साठी काय कसे कसा का केव्हा कुठे कोण
    तुम्ही मी आम्ही आपण तू ह्या त्या त्यांच्या त्याच्या जे ज्या करा करणे करतात करू शकता शकतो शकते असे अशा मध्ये
    च्या चा ची चे ला ने ना वर खूप काही सर्व प्रत्येक जर परंतु कारण जेव्हा पर्यंत सोबत नंतर आधी आता इथे तिथे
    कृपया धन्यवाद म्हणून`),
  ne: words(`
    न
    छ छन् हो हुन् थियो थिए थिइन् हुन्छ हुन्छन् को का की मा ले लाई बाट र वा यो त्यो यी ती होइन छैन कि तर पनि त एक एउटा लागि
    के कसरी किन कहिले कहाँ को तपाईं तपाईँ म हामी तिमी यस त्यस यिनी उनी जुन जो गर्न गर्नुहोस् गर्छ गर्छन् सक्नुहुन्छ सक्छ भयो
    गयो आफ्नो धेरै केही सबै हरेक यदि तर किनभने जब सम्म साथ पछि पहिले अब यहाँ त्यहाँ कृपया धन्यवाद भन्ने अनि`),
};

/**
 * Groups whose members are told apart by their words (the close groups). A candidate of a group is compared
 * with the other candidates of the same group only; languages outside the groups get no word evidence.
 */
export const WORD_GROUPS: readonly (readonly string[])[] = [
  ['da', 'no', 'sv'],
  ['es', 'ca', 'gl', 'pt'],
  ['bg', 'ru', 'uk', 'sr', 'mk'],
  ['hi', 'mr', 'ne'],
  ['id', 'ms'],
  ['hr', 'sr', 'bs', 'sl', 'cnr'],
  ['cs', 'sk'],
];

const SETS = new Map(
  Object.entries(FUNCTION_WORDS).map(([key, list]) => [key, new Set(list.map((w) => w.toLowerCase()))]),
);

/** The words of a text (of one script, as `keepScript` leaves it), lower case, without surrounding apostrophes. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s'’]+/)
    .filter((w) => w.length > 0);
}

/**
 * For each candidate in a word group, how far its function words fall short of the best group member's, as a share
 * of the text's words (≤ 0; 0 for the group's best and for languages outside the groups). A candidate is compared
 * only with the other candidates of its groups, so the words never lift a group member above an outsider.
 */
export function functionWordDeficits(
  words: readonly string[],
  candidates: readonly LanguageTag[],
): Map<LanguageTag, number> {
  const out = new Map<LanguageTag, number>();
  if (words.length === 0) return out;
  const hits = new Map<string, number>();
  const keys = candidates.map(languageKey);
  for (const key of new Set(keys)) {
    const set = SETS.get(key);
    if (!set) continue;
    let n = 0;
    for (const w of words) if (set.has(w)) n++;
    hits.set(key, n);
  }
  candidates.forEach((tag, i) => {
    const key = keys[i]!;
    const own = hits.get(key);
    if (own === undefined) return;
    let deficit = 0;
    for (const group of WORD_GROUPS) {
      if (!group.includes(key)) continue;
      for (const other of group) {
        const theirs = hits.get(other);
        if (theirs !== undefined && theirs - own > deficit) deficit = theirs - own;
      }
    }
    out.set(tag, -deficit / words.length);
  });
  return out;
}

// Answers written for the close-language tests, two per language: a short one (about one sentence) and a longer one
// in the register of an assistant's answer. Written in each language's standard spelling (Norwegian in Bokmål and in
// Nynorsk, Serbian in Cyrillic and in Latin).

export interface CloseText {
  readonly lang: string;
  readonly text: string;
}

export const CLOSE_TEXTS: readonly CloseText[] = [
  // Danish
  {
    lang: 'da',
    text: 'Ja, det kan du godt. Du skal bare huske at gemme filen, før du lukker programmet, ellers mister du dine ændringer.',
  },
  {
    lang: 'da',
    text: 'Jeg har læst bogen flere gange, og hver gang opdager jeg noget nyt. Forfatteren skriver meget levende om livet på landet efter krigen, og personerne føles virkelige. Hvis du kan lide historiske romaner, synes jeg, at du skal læse den. Den er ikke lang, men den giver meget at tænke over, og jeg har anbefalet den til mange af mine venner.',
  },
  // Norwegian Bokmål
  {
    lang: 'nb',
    text: 'Ja, det kan du. Du må bare huske å lagre filen før du lukker programmet, ellers mister du endringene dine.',
  },
  {
    lang: 'nb',
    text: 'Jeg har lest boken flere ganger, og hver gang oppdager jeg noe nytt. Forfatteren skriver veldig levende om livet på landet etter krigen, og personene føles virkelige. Hvis du liker historiske romaner, synes jeg at du bør lese den. Den er ikke lang, men den gir mye å tenke på, og jeg har anbefalt den til mange av vennene mine.',
  },
  // Norwegian Nynorsk
  {
    lang: 'nn',
    text: 'Ja, det kan du. Du må berre hugse å lagre fila før du lukkar programmet, elles mistar du endringane dine.',
  },
  {
    lang: 'nn',
    text: 'Eg har lese boka fleire gonger, og kvar gong oppdagar eg noko nytt. Forfattaren skriv svært levande om livet på landet etter krigen, og personane kjennest verkelege. Viss du likar historiske romanar, meiner eg at du bør lese ho. Ho er ikkje lang, men ho gjev mykje å tenkje på, og eg har tilrådd ho til mange av venene mine.',
  },
  // Swedish
  {
    lang: 'sv',
    text: 'Ja, det kan du. Du måste bara komma ihåg att spara filen innan du stänger programmet, annars förlorar du dina ändringar.',
  },
  {
    lang: 'sv',
    text: 'Jag har läst boken flera gånger, och varje gång upptäcker jag något nytt. Författaren skriver mycket levande om livet på landet efter kriget, och personerna känns verkliga. Om du tycker om historiska romaner tycker jag att du ska läsa den. Den är inte lång, men den ger mycket att tänka på, och jag har rekommenderat den till många av mina vänner.',
  },
  // Spanish
  {
    lang: 'es',
    text: 'Sí, puedes hacerlo. Solo tienes que guardar el archivo antes de cerrar el programa; si no, perderás los cambios.',
  },
  {
    lang: 'es',
    text: 'He leído el libro varias veces y cada vez descubro algo nuevo. La autora escribe de una forma muy viva sobre la vida en el campo después de la guerra, y los personajes parecen reales. Si te gustan las novelas históricas, creo que deberías leerlo. No es largo, pero da mucho que pensar, y se lo he recomendado a muchos de mis amigos.',
  },
  // Catalan
  {
    lang: 'ca',
    text: 'Sí, ho pots fer. Només has de desar el fitxer abans de tancar el programa; si no, perdràs els canvis.',
  },
  {
    lang: 'ca',
    text: 'He llegit el llibre diverses vegades i cada vegada hi descobreixo alguna cosa nova. L’autora escriu d’una manera molt viva sobre la vida al camp després de la guerra, i els personatges semblen reals. Si t’agraden les novel·les històriques, crec que l’hauries de llegir. No és llarg, però fa pensar molt, i l’he recomanat a molts dels meus amics.',
  },
  // Galician
  {
    lang: 'gl',
    text: 'Si, podes facelo. Só tes que gardar o ficheiro antes de pechar o programa; se non, perderás os cambios.',
  },
  {
    lang: 'gl',
    text: 'Lin o libro varias veces e cada vez descubro algo novo. A autora escribe dunha forma moi viva sobre a vida no campo despois da guerra, e as personaxes parecen reais. Se che gustan as novelas históricas, creo que deberías lelo. Non é longo, pero dá moito que pensar, e recomendéillelo a moitos dos meus amigos.',
  },
  // Portuguese
  {
    lang: 'pt',
    text: 'Sim, pode fazê-lo. Só tem de guardar o ficheiro antes de fechar o programa; caso contrário, perderá as alterações.',
  },
  {
    lang: 'pt',
    text: 'Li o livro várias vezes e cada vez descubro algo novo. A autora escreve de uma forma muito viva sobre a vida no campo depois da guerra, e as personagens parecem reais. Se você gosta de romances históricos, acho que deveria lê-lo. Não é longo, mas dá muito que pensar, e já o recomendei a muitos dos meus amigos.',
  },
  // Bulgarian
  {
    lang: 'bg',
    text: 'Да, можете. Трябва само да запазите файла, преди да затворите програмата, иначе ще загубите промените си.',
  },
  {
    lang: 'bg',
    text: 'Прочетох книгата няколко пъти и всеки път откривам нещо ново. Авторката пише много живо за живота на село след войната и героите изглеждат истински. Ако обичате исторически романи, мисля, че трябва да я прочетете. Не е дълга, но дава много храна за размисъл и съм я препоръчал на много от приятелите си.',
  },
  // Russian
  {
    lang: 'ru',
    text: 'Да, можно. Нужно только сохранить файл перед тем, как закрыть программу, иначе вы потеряете изменения.',
  },
  {
    lang: 'ru',
    text: 'Я прочитал эту книгу несколько раз, и каждый раз открываю в ней что-то новое. Автор очень живо пишет о жизни в деревне после войны, и герои кажутся настоящими. Если вам нравятся исторические романы, думаю, вам стоит её прочитать. Она не длинная, но даёт много пищи для размышлений, и я советовал её многим своим друзьям.',
  },
  // Ukrainian
  { lang: 'uk', text: 'Так, можна. Потрібно лише зберегти файл, перш ніж закрити програму, інакше ви втратите зміни.' },
  {
    lang: 'uk',
    text: 'Я прочитав цю книжку кілька разів, і щоразу відкриваю в ній щось нове. Авторка дуже жваво пише про життя в селі після війни, і герої здаються справжніми. Якщо вам подобаються історичні романи, думаю, вам варто її прочитати. Вона не довга, але дає багато поживи для роздумів, і я радив її багатьом своїм друзям.',
  },
  // Serbian (Cyrillic)
  {
    lang: 'sr',
    text: 'Да, можете. Само треба да сачувате датотеку пре него што затворите програм, иначе ћете изгубити измене.',
  },
  {
    lang: 'sr',
    text: 'Прочитао сам ову књигу неколико пута и сваки пут откријем нешто ново. Ауторка веома живо пише о животу на селу после рата, а ликови делују стварно. Ако волите историјске романе, мислим да би требало да је прочитате. Није дугачка, али даје много материјала за размишљање, и препоручио сам је многим својим пријатељима.',
  },
  // Macedonian
  {
    lang: 'mk',
    text: 'Да, можете. Само треба да ја зачувате датотеката пред да ја затворите програмата, инаку ќе ги изгубите промените.',
  },
  {
    lang: 'mk',
    text: 'Ја прочитав книгата неколку пати и секој пат откривам нешто ново. Авторката многу живо пишува за животот на село по војната, а ликовите изгледаат вистински. Ако сакате историски романи, мислам дека треба да ја прочитате. Не е долга, но дава многу материјал за размислување, и ја препорачав на многу мои пријатели.',
  },
  // Hindi
  { lang: 'hi', text: 'हाँ, आप ऐसा कर सकते हैं। बस प्रोग्राम बंद करने से पहले फ़ाइल को सेव करना याद रखें, वरना आपके बदलाव खो जाएँगे।' },
  {
    lang: 'hi',
    text: 'मैंने यह किताब कई बार पढ़ी है और हर बार मुझे इसमें कुछ नया मिलता है। लेखिका ने युद्ध के बाद गाँव के जीवन के बारे में बहुत जीवंत ढंग से लिखा है, और पात्र असली लगते हैं। अगर आपको ऐतिहासिक उपन्यास पसंद हैं, तो मुझे लगता है कि आपको इसे ज़रूर पढ़ना चाहिए। यह लंबी नहीं है, लेकिन सोचने के लिए बहुत कुछ देती है।',
  },
  // Marathi
  { lang: 'mr', text: 'हो, तुम्ही हे करू शकता. फक्त प्रोग्राम बंद करण्यापूर्वी फाइल सेव्ह करायला विसरू नका, नाहीतर तुमचे बदल हरवतील.' },
  {
    lang: 'mr',
    text: 'मी हे पुस्तक अनेक वेळा वाचले आहे आणि प्रत्येक वेळी मला त्यात काहीतरी नवीन सापडते. लेखिकेने युद्धानंतरच्या गावातील जीवनाबद्दल अतिशय जिवंतपणे लिहिले आहे, आणि पात्रे खरी वाटतात. तुम्हाला ऐतिहासिक कादंबऱ्या आवडत असतील, तर तुम्ही हे नक्की वाचावे असे मला वाटते. हे फार मोठे नाही, पण विचार करायला खूप काही देते.',
  },
  // Nepali
  {
    lang: 'ne',
    text: 'हो, तपाईं यो गर्न सक्नुहुन्छ। कार्यक्रम बन्द गर्नुअघि फाइल सेभ गर्न नबिर्सनुहोस्, नत्र तपाईंका परिवर्तनहरू हराउनेछन्।',
  },
  {
    lang: 'ne',
    text: 'मैले यो किताब धेरै पटक पढेको छु र हरेक पटक यसमा केही नयाँ भेट्छु। लेखिकाले युद्धपछिको गाउँको जीवनबारे निकै जीवन्त ढङ्गले लेखेकी छन्, र पात्रहरू वास्तविक लाग्छन्। यदि तपाईंलाई ऐतिहासिक उपन्यास मन पर्छ भने, मलाई लाग्छ तपाईंले यो पढ्नैपर्छ। यो लामो छैन, तर सोच्नका लागि धेरै कुरा दिन्छ।',
  },
  // Indonesian
  {
    lang: 'id',
    text: 'Ya, bisa. Anda hanya perlu menyimpan berkas sebelum menutup program, karena kalau tidak, perubahan Anda akan hilang.',
  },
  {
    lang: 'id',
    text: 'Saya sudah membaca buku ini beberapa kali, dan setiap kali saya menemukan sesuatu yang baru. Penulisnya bercerita dengan sangat hidup tentang kehidupan di desa setelah perang, dan tokoh-tokohnya terasa nyata. Kalau Anda suka novel sejarah, menurut saya Anda harus membacanya. Bukunya tidak panjang, tetapi memberi banyak bahan untuk dipikirkan, dan saya sudah merekomendasikannya kepada banyak teman.',
  },
  // Malay
  {
    lang: 'ms',
    text: 'Ya, boleh. Anda hanya perlu menyimpan fail sebelum menutup program itu, kerana jika tidak, perubahan anda akan hilang.',
  },
  {
    lang: 'ms',
    text: 'Saya telah membaca buku ini beberapa kali, dan setiap kali saya menemui sesuatu yang baharu. Penulisnya bercerita dengan amat hidup tentang kehidupan di kampung selepas perang, dan watak-wataknya terasa benar. Jika anda meminati novel sejarah, pada pendapat saya anda patut membacanya. Buku itu tidak panjang, tetapi memberikan banyak perkara untuk difikirkan, dan saya telah mengesyorkannya kepada ramai kawan.',
  },
  // Croatian
  {
    lang: 'hr',
    text: 'Da, možete. Samo trebate spremiti datoteku prije nego što zatvorite program, inače ćete izgubiti promjene.',
  },
  {
    lang: 'hr',
    text: 'Pročitao sam ovu knjigu nekoliko puta i svaki put otkrijem nešto novo. Autorica vrlo živo piše o životu na selu poslije rata, a likovi djeluju stvarno. Ako volite povijesne romane, mislim da biste je trebali pročitati. Nije duga, ali daje puno materijala za razmišljanje, i preporučio sam je mnogim svojim prijateljima.',
  },
  // Serbian (Latin)
  {
    lang: 'sr',
    text: 'Da, možete. Samo treba da sačuvate datoteku pre nego što zatvorite program, inače ćete izgubiti izmene.',
  },
  {
    lang: 'sr',
    text: 'Pročitao sam ovu knjigu nekoliko puta i svaki put otkrijem nešto novo. Autorka veoma živo piše o životu na selu posle rata, a likovi deluju stvarno. Ako volite istorijske romane, mislim da bi trebalo da je pročitate. Nije dugačka, ali daje mnogo materijala za razmišljanje, i preporučio sam je mnogim svojim prijateljima.',
  },
  // Slovene
  {
    lang: 'sl',
    text: 'Da, lahko. Samo datoteko morate shraniti, preden zaprete program, sicer boste izgubili spremembe.',
  },
  {
    lang: 'sl',
    text: 'To knjigo sem prebral že večkrat in vsakič odkrijem kaj novega. Avtorica zelo živo piše o življenju na podeželju po vojni, in liki delujejo resnično. Če imate radi zgodovinske romane, mislim, da bi jo morali prebrati. Ni dolga, vendar da veliko misliti, in priporočil sem jo mnogim svojim prijateljem.',
  },
  // Czech
  { lang: 'cs', text: 'Ano, můžete. Jen nezapomeňte soubor uložit dřív, než program zavřete, jinak o změny přijdete.' },
  {
    lang: 'cs',
    text: 'Tu knihu jsem četl několikrát a pokaždé v ní objevím něco nového. Autorka velmi živě píše o životě na venkově po válce a postavy působí skutečně. Pokud máte rádi historické romány, myslím, že byste si ji měli přečíst. Není dlouhá, ale dává hodně k přemýšlení, a doporučil jsem ji mnoha svým přátelům.',
  },
  // Slovak
  { lang: 'sk', text: 'Áno, môžete. Len nezabudnite súbor uložiť skôr, ako program zatvoríte, inak o zmeny prídete.' },
  {
    lang: 'sk',
    text: 'Tú knihu som čítal niekoľkokrát a zakaždým v nej objavím niečo nové. Autorka veľmi živo píše o živote na vidieku po vojne a postavy pôsobia skutočne. Ak máte radi historické romány, myslím, že by ste si ju mali prečítať. Nie je dlhá, ale dáva veľa na premýšľanie, a odporučil som ju mnohým svojim priateľom.',
  },
];

/** Hindi that continues in English: a mixed answer (`mul`), about half each. */
export const HINDI_THEN_ENGLISH =
  'भारत की राजधानी नई दिल्ली है। यह शहर अपने ऐतिहासिक स्मारकों, जैसे लाल किला और कुतुब मीनार, के लिए प्रसिद्ध है। ' +
  'यहाँ हर साल लाखों पर्यटक आते हैं और शहर की संस्कृति का अनुभव करते हैं। दिल्ली में खाने की भी बहुत विविधता है।\n\n' +
  'The city is also a major centre of government and business. Many international companies have their offices here, ' +
  'and the metro system makes it easy to travel across the city. The best time to visit is between October and March, ' +
  'when the weather is pleasant.';

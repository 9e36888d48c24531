"""What demo reporters write, in English, French, Spanish and Arabic.

Invented situations built on the signs hotlines are trained to notice, told
the way a worried neighbour, teacher or relative would tell them: never
graphic. Slots: {town}, {name} (an invented nickname), {age}, {when}.
"""

from dataclasses import dataclass, field


@dataclass
class Scenario:
    key: str
    ages: list[str]
    genders: list[str]
    counts: tuple[int, int]
    danger_rate: float
    narratives: dict[str, list[str]]
    places: dict[str, list[str]]
    controllers: dict[str, list[str]]
    with_vehicle: float = 0.2
    with_handle: float = 0.2
    extra: dict = field(default_factory=dict)


SCENARIOS = [
    Scenario(
        key="online_advert",
        ages=["15-17", "12-14"],
        genders=["girl", "girl", "mixed"],
        counts=(1, 2),
        danger_rate=0.25,
        with_handle=0.9,
        with_vehicle=0.15,
        narratives={
            "en": [
                "I came across an advert on a classifieds site offering 'company' with a girl "
                "who looks about {age}. The photos are taken in a room I think is in a guest house "
                "in {town}. The advert says 'new in town' and gives a phone number to text. "
                "She looks scared in the pictures and much younger than the age written.",
                "A profile keeps reappearing on a dating app around {town} showing a teenage girl, "
                "maybe {age}. The account is run by someone called {name} who answers the "
                "messages, not the girl. They talk about prices and 'hotel visits'. I reported the "
                "profile to the app but it came back under a new name.",
            ],
            "fr": [
                "J'ai vu une annonce sur un site de petites annonces qui propose de la "
                "« compagnie » avec une jeune fille qui a l'air d'avoir {age} ans. Les photos "
                "semblent prises dans une chambre d'hôtel à {town}. C'est un homme qui répond "
                "au téléphone, pas elle. Elle paraît beaucoup plus jeune que l'âge indiqué.",
                "Un compte sur les réseaux sociaux publie des photos d'une adolescente de {age} "
                "ans "
                "environ avec des prix et des rendez-vous à {town}. Un certain {name} gère les "
                "messages. L'annonce réapparaît chaque semaine avec un nouveau numéro.",
            ],
            "es": [
                "Vi un anuncio en una página de clasificados que ofrece «compañía» con una chica "
                "que parece tener unos {age} años. Las fotos parecen hechas en un hostal de "
                "{town}. Contesta un hombre que se hace llamar {name}. Ella parece asustada.",
                "Hay un perfil en una aplicación de citas en {town} con fotos de una adolescente "
                "de unos {age} años. Quien escribe los mensajes no es ella, habla de precios y de "
                "visitas a domicilio. Lo denuncié a la aplicación pero volvió con otro nombre.",
            ],
            "ar": [
                "رأيت إعلاناً على موقع إعلانات مبوبة يعرض «مرافقة» مع فتاة يبدو عمرها حوالي {age} "
                "سنة. الصور ملتقطة في غرفة فندق صغير في {town}. رجل اسمه {name} هو من يرد على "
                "الهاتف وليس هي. تبدو خائفة وأصغر بكثير من العمر المكتوب.",
                "حساب على تطبيق تعارف في {town} ينشر صور مراهقة عمرها تقريباً {age} سنة مع أسعار "
                "ومواعيد. شخص آخر يرد على الرسائل. أبلغت التطبيق لكن الحساب عاد باسم جديد.",
            ],
        },
        places={
            "en": ["A guest house near the bus station", "Online, then a hotel on the ring road"],
            "fr": ["Une pension près de la gare routière", "En ligne, puis un hôtel en périphérie"],
            "es": ["Un hostal cerca de la estación de autobuses", "En internet y un hotel"],
            "ar": ["نزل قرب محطة الحافلات", "على الإنترنت ثم فندق على الطريق الدائري"],
        },
        controllers={
            "en": ["A man in his thirties who answers the phone, calls himself {name}"],
            "fr": ["Un homme d'une trentaine d'années qui se fait appeler {name}"],
            "es": ["Un hombre de unos treinta años que se hace llamar {name}"],
            "ar": ["رجل في الثلاثينات يسمي نفسه {name}"],
        },
    ),
    Scenario(
        key="older_boyfriend",
        ages=["12-14", "15-17"],
        genders=["girl"],
        counts=(1, 1),
        danger_rate=0.15,
        with_vehicle=0.6,
        with_handle=0.3,
        narratives={
            "en": [
                "A girl from my daughter's class, about {age}, has a much older 'boyfriend' called "
                "{name}. He picks her up from school in {town} in a dark car, she has a new phone "
                "and new clothes, and she has stopped seeing her friends. She told my daughter she "
                "owes him money and has to 'work it off' at his friends' parties.",
                "My neighbour's niece, {age} or so, is staying with a man in his twenties she "
                "calls "
                "her boyfriend. She is hardly allowed out alone, he holds her phone, and different "
                "men visit the flat in {town} late at night. She looked at the floor when I said "
                "hello.",
            ],
            "fr": [
                "Une élève de {age} ans a un « petit ami » beaucoup plus âgé, {name}, qui vient la "
                "chercher devant le collège à {town}. Elle a un nouveau téléphone, ne voit plus "
                "ses "
                "amies et a dit qu'elle lui devait de l'argent et devait aller à des soirées chez "
                "ses amis.",
                "La nièce de ma voisine, environ {age} ans, vit chez un homme d'une vingtaine "
                "d'années qu'elle appelle son copain. Il garde son téléphone et des hommes "
                "différents passent à l'appartement de {town} tard le soir.",
            ],
            "es": [
                "Una alumna de unos {age} años tiene un «novio» mucho mayor, {name}, que la recoge "
                "en coche a la salida del colegio en {town}. Tiene ropa y móvil nuevos, ya no ve a "
                "sus amigas y dijo que le debe dinero y que tiene que ir a fiestas de sus amigos.",
                "La sobrina de mi vecina, de unos {age} años, vive con un hombre de veintitantos "
                "que llama su novio. No la deja salir sola, él tiene su móvil y por la noche "
                "entran hombres distintos al piso en {town}.",
            ],
            "ar": [
                "فتاة من صف ابنتي عمرها حوالي {age} سنة لديها «صديق» أكبر منها بكثير اسمه {name}. "
                "يأخذها من المدرسة في {town} بسيارة داكنة. لديها هاتف وملابس جديدة ولم تعد ترى "
                "صديقاتها، وقالت إنها مدينة له بالمال وعليها الذهاب إلى حفلات أصدقائه.",
                "ابنة أخت جارتي، عمرها {age} سنة تقريباً، تعيش مع رجل في العشرينات تقول إنه "
                "صديقها. لا يسمح لها بالخروج وحدها ويحتفظ بهاتفها، ويأتي رجال مختلفون إلى الشقة "
                "في {town} في وقت متأخر من الليل.",
            ],
        },
        places={
            "en": ["Outside the secondary school gates", "A flat above the launderette"],
            "fr": ["Devant le collège", "Un appartement au-dessus de la laverie"],
            "es": ["A la salida del instituto", "Un piso encima de la lavandería"],
            "ar": ["أمام بوابة المدرسة", "شقة فوق المغسلة"],
        },
        controllers={
            "en": ["Man about 25, tall, shaved head, goes by {name}"],
            "fr": ["Homme d'environ 25 ans, grand, crâne rasé, surnommé {name}"],
            "es": ["Hombre de unos 25 años, alto, cabeza rapada, le llaman {name}"],
            "ar": ["رجل عمره حوالي 25 سنة، طويل، حليق الرأس، يلقب {name}"],
        },
    ),
    Scenario(
        key="begging_van",
        ages=["6-11", "0-5", "mixed"],
        genders=["mixed", "boy", "girl"],
        counts=(2, 6),
        danger_rate=0.2,
        with_vehicle=0.9,
        with_handle=0.0,
        narratives={
            "en": [
                "Every morning a white van drops {age} young children at the big junction in "
                "{town}. They beg between the cars all day, even in the rain, and the same van "
                "collects them after dark. A man watches them from the petrol station and takes "
                "the money from them.",
                "There are small children, some look under ten, selling tissues at the traffic "
                "lights in {town} during school hours. An older man called {name} brings them in a "
                "minibus and shouts at them if they sit down. They look tired and hungry.",
            ],
            "fr": [
                "Chaque matin une camionnette blanche dépose de jeunes enfants au grand carrefour "
                "de {town}. Ils mendient entre les voitures toute la journée et la même "
                "camionnette les reprend à la nuit. Un homme les surveille depuis la "
                "station-service "
                "et leur prend l'argent.",
                "Des enfants, certains de moins de dix ans, vendent des mouchoirs aux feux de "
                "{town} "
                "pendant les heures d'école. Un homme, {name}, les amène en minibus et crie s'ils "
                "s'assoient.",
            ],
            "es": [
                "Todas las mañanas una furgoneta blanca deja a niños pequeños en el cruce grande "
                "de "
                "{town}. Piden dinero entre los coches todo el día y la misma furgoneta los recoge "
                "de noche. Un hombre los vigila desde la gasolinera y se queda con el dinero.",
                "Hay niños, algunos de menos de diez años, vendiendo pañuelos en el semáforo de "
                "{town} en horario escolar. Un hombre llamado {name} los trae en un microbús y les "
                "grita si se sientan.",
            ],
            "ar": [
                "كل صباح تنزل شاحنة بيضاء أطفالاً صغاراً عند التقاطع الكبير في {town}. يتسولون بين "
                "السيارات طوال اليوم، وتعود الشاحنة نفسها لتأخذهم بعد حلول الظلام. رجل يراقبهم من "
                "محطة الوقود ويأخذ منهم المال.",
                "أطفال صغار، بعضهم دون العاشرة، يبيعون المناديل عند الإشارة الضوئية في {town} في "
                "أوقات المدرسة. رجل اسمه {name} يحضرهم بحافلة صغيرة ويصرخ عليهم إذا جلسوا.",
            ],
        },
        places={
            "en": ["The junction by the petrol station on the main road", "Traffic lights"],
            "fr": ["Le carrefour près de la station-service", "Les feux du boulevard"],
            "es": ["El cruce junto a la gasolinera", "El semáforo de la avenida"],
            "ar": ["التقاطع بجانب محطة الوقود", "الإشارة الضوئية في الشارع الرئيسي"],
        },
        controllers={
            "en": ["Two men, one older with a grey beard who collects the money"],
            "fr": ["Deux hommes, le plus âgé a une barbe grise et ramasse l'argent"],
            "es": ["Dos hombres, el mayor con barba gris recoge el dinero"],
            "ar": ["رجلان، الأكبر سناً بلحية رمادية يجمع المال"],
        },
    ),
    Scenario(
        key="job_offer_abroad",
        ages=["15-17"],
        genders=["girl", "boy", "mixed"],
        counts=(1, 4),
        danger_rate=0.1,
        with_vehicle=0.1,
        with_handle=0.8,
        narratives={
            "en": [
                "My cousin, {age}, was offered a job abroad as a hotel cleaner through a page on "
                "social media. The recruiter, {name}, says he will arrange the passport and travel "
                "and she can pay him back from her wages. She has to leave from {town} next week "
                "and must not tell her parents.",
                "Teenagers from our village near {town} are being approached by a woman who "
                "promises "
                "well-paid work in restaurants abroad. She asks for their ID cards 'for the visa' "
                "and keeps them. Three have already left and their families cannot reach them.",
            ],
            "fr": [
                "Mon cousin de {age} ans s'est vu proposer un travail à l'étranger dans un hôtel "
                "par "
                "une page sur les réseaux sociaux. Le recruteur, {name}, dit qu'il paiera le "
                "passeport et le voyage, à rembourser sur le salaire. Départ de {town} la semaine "
                "prochaine, sans prévenir les parents.",
                "Une femme propose à des adolescents de {town} du travail bien payé dans des "
                "restaurants à l'étranger. Elle garde leurs cartes d'identité « pour le visa ». "
                "Trois sont partis et leurs familles n'ont plus de nouvelles.",
            ],
            "es": [
                "A mi prima de {age} años le ofrecieron trabajo en el extranjero limpiando hoteles "
                "por una página en redes sociales. El reclutador, {name}, dice que le paga el "
                "pasaporte y el viaje y que lo devolverá con su sueldo. Sale de {town} la semana "
                "que viene y no debe decírselo a sus padres.",
                "Una mujer ofrece a adolescentes de {town} trabajo bien pagado en restaurantes en "
                "el "
                "extranjero. Les pide el documento de identidad «para el visado» y se lo queda. "
                "Tres ya se han ido y sus familias no saben nada de ellos.",
            ],
            "ar": [
                "عرض على قريبتي البالغة {age} سنة عمل في الخارج كعاملة تنظيف في فندق عبر صفحة على "
                "وسائل التواصل. يقول الوسيط {name} إنه سيتكفل بجواز السفر والسفر وتسدد له من "
                "راتبها. ستغادر من {town} الأسبوع القادم ويجب ألا تخبر أهلها.",
                "امرأة تعرض على مراهقين من {town} عملاً بأجر جيد في مطاعم في الخارج، وتأخذ بطاقات "
                "هويتهم «من أجل التأشيرة» ولا تعيدها. غادر ثلاثة منهم ولا تستطيع عائلاتهم الوصول "
                "إليهم.",
            ],
        },
        places={
            "en": ["A social media page, then a café near the market", "Online"],
            "fr": ["Une page sur les réseaux sociaux, puis un café", "En ligne"],
            "es": ["Una página en redes sociales y luego una cafetería", "En internet"],
            "ar": ["صفحة على وسائل التواصل ثم مقهى قرب السوق", "على الإنترنت"],
        },
        controllers={
            "en": ["A well-dressed woman and a man who calls himself {name}"],
            "fr": ["Une femme bien habillée et un homme qui se fait appeler {name}"],
            "es": ["Una mujer bien vestida y un hombre que se hace llamar {name}"],
            "ar": ["امرأة أنيقة ورجل يسمي نفسه {name}"],
        },
    ),
    Scenario(
        key="workshop_at_night",
        ages=["12-14", "6-11", "15-17"],
        genders=["boy", "mixed"],
        counts=(2, 8),
        danger_rate=0.1,
        with_vehicle=0.3,
        with_handle=0.0,
        narratives={
            "en": [
                "I walk my dog past a textile workshop in {town} at night and through the window I "
                "see boys of about {age} at sewing machines after midnight. The door is padlocked "
                "from outside. I never see them going to school.",
                "Children are working in the metal workshop behind the market in {town}, carrying "
                "heavy loads and using the grinder without any protection. They sleep there on "
                "mattresses. The owner, {name}, says they are his nephews.",
            ],
            "fr": [
                "Je passe tous les soirs devant un atelier de couture à {town}. Par la fenêtre, je "
                "vois des garçons d'environ {age} ans aux machines après minuit. La porte est "
                "fermée par un cadenas de l'extérieur.",
                "Des enfants travaillent dans l'atelier de métallurgie derrière le marché de "
                "{town}, portent de lourdes charges et dorment sur place. Le patron, {name}, dit "
                "que "
                "ce sont ses neveux.",
            ],
            "es": [
                "Paso por delante de un taller textil en {town} por la noche y por la ventana veo "
                "a "
                "chicos de unos {age} años en las máquinas de coser pasada la medianoche. La "
                "puerta está cerrada con candado por fuera.",
                "Hay niños trabajando en el taller de metal detrás del mercado de {town}, cargando "
                "peso y durmiendo allí. El dueño, {name}, dice que son sus sobrinos.",
            ],
            "ar": [
                "أمر كل ليلة أمام ورشة خياطة في {town} وأرى من النافذة أولاداً عمرهم حوالي {age} "
                "سنة يعملون على ماكينات الخياطة بعد منتصف الليل. الباب مقفل بقفل من الخارج.",
                "أطفال يعملون في ورشة حدادة خلف السوق في {town}، يحملون أشياء ثقيلة وينامون هناك. "
                "يقول صاحب الورشة {name} إنهم أبناء إخوته.",
            ],
        },
        places={
            "en": ["Textile workshop in the old industrial street", "Behind the covered market"],
            "fr": ["Atelier textile de la vieille rue industrielle", "Derrière le marché couvert"],
            "es": ["Taller textil en la calle industrial", "Detrás del mercado cubierto"],
            "ar": ["ورشة نسيج في الشارع الصناعي القديم", "خلف السوق المغطى"],
        },
        controllers={
            "en": ["The owner, a heavy man of about 50, and a foreman"],
            "fr": ["Le patron, un homme corpulent d'une cinquantaine d'années"],
            "es": ["El dueño, un hombre corpulento de unos 50 años"],
            "ar": ["صاحب الورشة، رجل ضخم في الخمسين تقريباً"],
        },
    ),
    Scenario(
        key="online_grooming",
        ages=["12-14", "15-17"],
        genders=["girl", "boy"],
        counts=(1, 1),
        danger_rate=0.3,
        with_vehicle=0.0,
        with_handle=1.0,
        narratives={
            "en": [
                "My son, {age}, met someone in an online game who said he was a boy his age. After "
                "weeks of chatting he asked for private photos, and now he threatens to send them "
                "to our family and school unless my son pays or sends more. My son is terrified.",
                "A student told me an adult on a chat app has been sending her gifts and game "
                "credits for months and now wants to meet her alone in {town}. He tells her not to "
                "tell anyone and that her parents would not understand.",
            ],
            "fr": [
                "Ma fille de {age} ans a rencontré en ligne quelqu'un qui se présentait comme un "
                "ado. Il lui a demandé des photos privées et menace maintenant de les envoyer à "
                "toute l'école si elle ne paie pas. Elle est terrorisée.",
                "Un adulte sur une messagerie envoie des cadeaux et des crédits de jeu à un élève "
                "depuis des mois et veut maintenant le rencontrer seul à {town}. Il lui dit de ne "
                "rien dire à personne.",
            ],
            "es": [
                "Mi hijo de {age} años conoció en un videojuego a alguien que decía tener su edad. "
                "Le pidió fotos privadas y ahora le amenaza con enviarlas al colegio si no le "
                "paga. "
                "Está aterrorizado.",
                "Un adulto en una aplicación de mensajes lleva meses mandando regalos y saldo a "
                "una "
                "alumna y ahora quiere verla a solas en {town}. Le dice que no se lo cuente a "
                "nadie.",
            ],
            "ar": [
                "ابني البالغ {age} سنة تعرف في لعبة على الإنترنت على شخص قال إنه في مثل عمره. طلب "
                "منه صوراً خاصة والآن يهدده بإرسالها إلى العائلة والمدرسة إن لم يدفع. ابني خائف "
                "جداً.",
                "شخص بالغ على تطبيق دردشة يرسل هدايا ورصيد ألعاب لطالبة منذ أشهر ويريد الآن لقاءها "
                "وحدها في {town}، ويطلب منها ألا تخبر أحداً.",
            ],
        },
        places={
            "en": ["Online game chat, then a messaging app", "A chat app"],
            "fr": ["Le chat d'un jeu en ligne, puis une messagerie", "Une messagerie"],
            "es": ["El chat de un videojuego y luego mensajería", "Una aplicación de mensajes"],
            "ar": ["دردشة لعبة على الإنترنت ثم تطبيق رسائل", "تطبيق دردشة"],
        },
        controllers={
            "en": ["Unknown adult using the name {name}"],
            "fr": ["Adulte inconnu qui utilise le nom {name}"],
            "es": ["Adulto desconocido que usa el nombre {name}"],
            "ar": ["شخص بالغ مجهول يستخدم اسم {name}"],
        },
    ),
    Scenario(
        key="child_marriage",
        ages=["12-14", "15-17"],
        genders=["girl"],
        counts=(1, 1),
        danger_rate=0.2,
        with_vehicle=0.1,
        with_handle=0.0,
        narratives={
            "en": [
                "A girl of {age} in our street in {town} has been taken out of school because her "
                "family has arranged for her to marry a man in his forties, {name}. The wedding is "
                "planned for {when}. She cried to her teacher and said she does not want to go.",
                "My neighbours are preparing to send their daughter, around {age}, to another "
                "region "
                "to be married to a relative. She has not been at school for a month and the "
                "family has received money.",
            ],
            "fr": [
                "Une fille de {age} ans de notre rue à {town} a été retirée de l'école : sa "
                "famille "
                "veut la marier à un homme d'une quarantaine d'années, {name}. Le mariage est "
                "prévu {when}. Elle a pleuré devant sa maîtresse.",
                "Mes voisins s'apprêtent à envoyer leur fille d'environ {age} ans dans une autre "
                "région pour la marier à un parent. Elle ne va plus à l'école depuis un mois.",
            ],
            "es": [
                "A una niña de {age} años de nuestra calle en {town} la han sacado del colegio "
                "porque su familia quiere casarla con un hombre de unos cuarenta, {name}. La boda "
                "está prevista {when}. Lloró delante de su maestra.",
                "Mis vecinos van a mandar a su hija de unos {age} años a otra región para casarla "
                "con un pariente. Lleva un mes sin ir al colegio y la familia ha recibido dinero.",
            ],
            "ar": [
                "فتاة عمرها {age} سنة في شارعنا في {town} أُخرجت من المدرسة لأن عائلتها رتبت "
                "زواجها من رجل في الأربعينات اسمه {name}. الزفاف مقرر {when}. بكت أمام معلمتها "
                "وقالت إنها لا تريد.",
                "جيراني يستعدون لإرسال ابنتهم البالغة حوالي {age} سنة إلى منطقة أخرى لتزويجها من "
                "قريب. لم تذهب إلى المدرسة منذ شهر وقد حصلت العائلة على مال.",
            ],
        },
        places={
            "en": ["The family's house on our street", "A village outside town"],
            "fr": ["La maison de la famille dans notre rue", "Un village hors de la ville"],
            "es": ["La casa de la familia en nuestra calle", "Un pueblo a las afueras"],
            "ar": ["بيت العائلة في شارعنا", "قرية خارج المدينة"],
        },
        controllers={
            "en": ["The girl's father and the intended husband, {name}"],
            "fr": ["Le père de la fille et le futur mari, {name}"],
            "es": ["El padre de la niña y el futuro marido, {name}"],
            "ar": ["والد الفتاة والزوج المنتظر {name}"],
        },
    ),
]

WHEN = {
    "en": ["last night", "every weekend", "for about two weeks", "this morning", "next month"],
    "fr": [
        "hier soir",
        "tous les week-ends",
        "depuis deux semaines",
        "ce matin",
        "le mois prochain",
    ],
    "es": [
        "anoche",
        "todos los fines de semana",
        "desde hace dos semanas",
        "esta mañana",
        "el mes que viene",
    ],
    "ar": ["الليلة الماضية", "كل نهاية أسبوع", "منذ أسبوعين تقريباً", "هذا الصباح", "الشهر القادم"],
}

PHONE_LEAD = {
    "en": "The number they use is {phone}.",
    "fr": "Le numéro qu'ils utilisent : {phone}.",
    "es": "El número que usan es {phone}.",
    "ar": "الرقم الذي يستخدمونه هو {phone}.",
}

DANGER_LEAD = {
    "en": "This is happening right now. ",
    "fr": "C'est en train de se passer maintenant. ",
    "es": "Está pasando ahora mismo. ",
    "ar": "هذا يحدث الآن. ",
}

QUESTIONS = {
    "en": [
        "Thank you for your report. Can you tell us roughly what time of day you see this?",
        "Do you remember anything written on the vehicle, or part of its number plate?",
        "Is the child still at the same address, as far as you know?",
    ],
    "fr": [
        "Merci pour votre signalement. À quelle heure voyez-vous cela, à peu près ?",
        "Vous souvenez-vous d'une inscription sur le véhicule ou d'une partie de la plaque ?",
        "À votre connaissance, l'enfant est-il toujours à la même adresse ?",
    ],
    "es": [
        "Gracias por su denuncia. ¿A qué hora del día suele ver esto, más o menos?",
        "¿Recuerda algo escrito en el vehículo o parte de la matrícula?",
        "¿Sabe si la niña o el niño sigue en la misma dirección?",
    ],
    "ar": [
        "شكراً على بلاغك. في أي وقت من اليوم ترى ذلك تقريباً؟",
        "هل تتذكر أي كتابة على المركبة أو جزءاً من رقم اللوحة؟",
        "هل ما زال الطفل في العنوان نفسه حسب علمك؟",
    ],
}

ANSWERS = {
    "en": [
        "Usually early in the morning, around 7, and again after 9 at night.",
        "I think the plate ended in 47. There was a blue logo on the side.",
        "Yes, I saw her again yesterday at the window.",
    ],
    "fr": [
        "En général tôt le matin, vers 7 h, et après 21 h.",
        "Je crois que la plaque finissait par 47. Il y avait un logo bleu.",
        "Oui, je l'ai revue hier à la fenêtre.",
    ],
    "es": [
        "Normalmente temprano, sobre las 7, y otra vez después de las 9 de la noche.",
        "Creo que la matrícula terminaba en 47. Tenía un logotipo azul.",
        "Sí, la volví a ver ayer en la ventana.",
    ],
    "ar": [
        "عادة في الصباح الباكر حوالي السابعة، ومرة أخرى بعد التاسعة مساءً.",
        "أظن أن اللوحة تنتهي بـ 47، وكان على جانبها شعار أزرق.",
        "نعم، رأيتها أمس مرة أخرى عند النافذة.",
    ],
}

CLOSED_REASONS = [
    "Duplicate of an earlier report about the same place",
    "No further information after follow-up; nothing to act on",
    "Checked by the police unit: no child found at risk at this address",
]

# Invented nicknames and the pieces of invented handles: none is a real person.
NICKNAMES = [
    "Kasko",
    "Big Teo",
    "Marlo",
    "Dren",
    "Uncle Vas",
    "Jaxo",
    "Rendi",
    "Madam Lu",
    "Brevik",
    "Sami K",
    "Tavo",
    "Orly",
]
HANDLE_WORDS = [
    "sunny",
    "quickjobs",
    "model",
    "abroadwork",
    "velvet",
    "gamer",
    "starlet",
    "easycash",
    "vx",
    "nightowl",
    "travelgigs",
    "lina",
]
PLATFORMS = ["Insta", "Snapchat", "TikTok", "Telegram", "WhatsApp group", "Discord"]

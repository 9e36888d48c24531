"""Writes vigil/triage/data/indicators.json (regexes are easier to write in Python raw strings)."""

import json
import re
import sys

S = r"[^.!?\n]{0,70}?"  # same sentence, short gap
W = r"(?:\w+\W+){0,3}?"
FAR = r"[\s\S]{0,240}?"  # anywhere nearby, across sentences  # up to three words
W5 = r"(?:\w+\W+){0,5}?"
W7 = r"(?:\w+\W+){0,7}?"

# ---- shared vocabularies -------------------------------------------------------------------
AGE_EN = (
    r"(?:(?:1[0-7]|[89])\s*(?:-|\s)?\s*(?:years?|yrs?)\s*(?:-|\s)?\s*old"
    r"|(?:1[0-7]|[89])\s?(?:yo|y/o|y\.o)\b"
    r"|(?:nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)(?:[- ]years?[- ]old)?"
    r"|(?:aged?|is|was|just|only|about|around|maybe|like|under)\s+(?:1[0-7]|[89]|thirteen|fourteen"
    r"|fifteen|sixteen|twelve)\b)"
)
MINOR_EN = (
    r"(?:minors?|underage|under-age|under\s?18|child(?:ren)?|kids?|teens?|teenagers?|teenage"
    r"|schoolgirls?|schoolboys?|young girls?|little girls?|school uniform|school jumper|high ?school"
    r"|high ?schoolers?|middle school|freshmen|year (?:[7-9]|1[01])\b|braces|like a kid|teenagers"
    r"|(?:she's|shes|he's|hes|she is|he is|was|ages like|aged) (?:1[0-7]|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen)\b|(?:1[0-7]|[89]) ?yo\b|" + AGE_EN[3:-1] + r")"
)
SEX_EN = (
    r"(?:sold for sex|selling sex|sells? sex|sex for money|(?:sold|selling|offered|pimped|rented)"
    r" (?:out )?(?:to|for) (?:men|sex|clients|customers)|paid for sex|pay(?:s|ing)? (?:for|to have) sex"
    r"|prostitut\w*|escort(?:s|ing|ed)?|pimp(?:s|ed|ing)?|trafficked for sex|sexual(?:ly)? exploit\w*"
    r"|commercial sex|sex work\w*|sex trade|brothel|massage parlou?r|johns?\b|sex buyers?"
    r"|incalls?|outcalls?|(?:half|per|an|one) hour|£\d+|\$\d+|€\d+|\d+ ?(?:euros?|dollars|pounds|quid)"
    r"|men (?:pay|paid)|(?:different|older) men (?:come|visit|go in)|sleep with (?:men|clients)"
    r"|have sex with (?:men|clients|customers|strangers)|tricks|(?:sex|adult) (?:ads?|adverts?|site)"
    r"|advert|\bads?\b|punters?|clients?|customers? (?:in and out|come)|dates?\b|for money"
    r"|rates|listings?|line of men|men visiting|men (?:give|gave|paid|pay)|offered to (?:tourists|men)"
    r"|being sold|sold\b|(?:summer|temporary) marriages|go with men|with men|appointments"
    r"|classifieds|content of|menus?|hotel parties|per hour|/hr|cash from men|truckers|books? her)"
)
DOC_EN = (
    r"(?:passports?|id cards?|\bids?\b|identity (?:cards?|documents?|papers?)|papers|documents"
    r"|visas?|birth certificates?|work permits?|residence (?:permits?|cards?)|brp)"
)
HOLDER_EN = (
    r"(?:he|they|the (?:boss|owner|employer|manager|agent|man|woman|madam|uncle|aunt|family|couple"
    r"|recruiter|driver|foreman|gangmaster)|her (?:boss|employer|uncle|aunt|pimp|boyfriend)"
    r"|his (?:boss|employer|uncle))"
)
CHILD_EN = (
    r"(?:children|child|kids?|boys?|girls?|lads|minors?|teens?|teenagers?|underage|"
    r"(?:[5-9]|1[0-7])\s*(?:-|\s)?\s*(?:years?|yrs?)\s*(?:-|\s)?\s*old|(?:look|looks|looked|aged?|about)"
    r" (?:about |around |maybe )?(?:[5-9]|1[0-7])\b|"
    r"(?:five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen)"
    r"(?:[- ]years?[- ]old)?)"
)
DANGER_EN = (
    r"(?:mines?\b|mining|quarr(?:y|ies)|brick ?kilns?|kilns?|construction sites?|building sites?"
    r"|scaffold\w*|pesticides?|chemicals?|acid|furnaces?|machetes?|chainsaws?|heavy (?:loads|machinery"
    r"|bags|sacks|bricks)|carry(?:ing)? (?:heavy|bricks|sacks|loads|cement)|fishing boats?|diving"
    r"|deep[- ]sea|tanner(?:y|ies)|dump ?sites?|(?:rubbish|garbage) dumps?|landfills?|welding"
    r"|fireworks|sewers?|no (?:protective|safety) (?:gear|equipment|masks?)|no gloves|no masks?"
    r"|without (?:gloves|masks?|protection|protective (?:gear|equipment)|safety (?:gear|equipment))"
    r"|mercury|asbestos|sugar ?cane|power tools|sawmill|slaughterhouse)"
)

AGE_FR = (
    r"(?:(?:1[0-7]|[89]|onze|douze|treize|quatorze|quinze|seize|dix-sept)\s+ans\b"
    r"|moins de (?:18|dix-huit) ans)"
)
MINOR_FR = (
    r"(?:mineure?s?|enfants?|adolescente?s?|\bados?\b|gamine?s?|fillettes?|collegienne?s?"
    r"|lyceenne?s?|jeune fille|" + AGE_FR[3:-1] + r")"
)
SEX_FR = (
    r"(?:prostitu\w*|(?:faire|fait|font) (?:des|les) passes|passes?\b|proxen\w*|\bmacs?\b|maquereau"
    r"|(?:recoit|voit|recevoir|voir) des (?:hommes|clients)|clients?|exploit\w* sexuel\w*"
    r"|relations? sexuelles? (?:tarifee?s?|contre)|rapports? tarifes?|escort\w*|maison close|bordel"
    r"|services? sexuels?|trottoir|annonces?|sexe tarife|contre de l'argent|\d+ ?(?:euros?|€)"
    r"|hommes differents)"
)
DOC_FR = (
    r"(?:passeports?|papiers|pieces? d'identite|cartes? d'identite|documents(?: d'identite)?"
    r"|titres? de sejour|cartes? de sejour|visas?|actes? de naissance)"
)
CHILD_FR = (
    r"(?:enfants?|mineur\w*|garcons?|gamins?|fillettes?|adolescent\w*|\bados?\b|petits?|jeunes"
    r"|(?:[5-9]|1[0-7]|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize) ans)"
)
DANGER_FR = (
    r"(?:mines? (?:d'or|de|artisanal\w*)|dans (?:une|la|les) mines?|minier\w*|carrieres?|briqueteries?"
    r"|fours?\b|chantiers?|echafaudage\w*|pesticides?|produits chimiques|acides?|machettes?"
    r"|tronconneuses?|charges? lourdes?|sacs? (?:lourds|de ciment)|port\w* (?:des |de )?(?:briques|sacs"
    r"|charges|parpaings)|bateaux? de peche|plongee|tanneries?|decharges?|soudure|feux d'artifice"
    r"|egouts?|sans (?:gants|masques?|protection|equipement)|orpaill\w*|mercure|amiante)"
)

AGE_ES = (
    r"(?:(?:1[0-7]|[89]|once|doce|trece|catorce|quince|dieciseis|diecisiete)\s+anos\b"
    r"|menos de (?:18|dieciocho) anos)"
)
MINOR_ES = (
    r"(?:menor(?:es)? de edad|menor(?:es)?\b|nin[ao]s?\b|adolescentes?|nena|chamac[ao]s?"
    r"|colegialas?|uniforme escolar|" + AGE_ES[3:-1] + r")"
)
SEX_ES = (
    r"(?:prostitu\w*|explotacion sexual|explotad[ao]s? sexualmente|vend\w* (?:por|para) (?:sexo"
    r"|relaciones)|sexo (?:por|a cambio de) dinero|clientes?|proxenet\w*|chulo|padrote|burdel"
    r"|prostibulo|casa de citas|servicios sexuales|escort\w*|acompanantes?|trabajo sexual|comercio "
    r"sexual|pagan? (?:por|para) (?:tener )?sexo|(?:entra y sale|entran y salen) gente|anuncio"
    r"|hombres (?:distintos|diferentes)|\d+ ?(?:euros?|pesos|soles|€))"
)
DOC_ES = (
    r"(?:pasaportes?|documentos?|papeles|\bdni\b|\bine\b|cedulas?|identificacion|documentacion"
    r"|carnets?|visas?|permisos? de (?:trabajo|residencia)|partidas? de nacimiento)"
)
CHILD_ES = (
    r"(?:nin[oa]s?\b|menores|menor\b|chic[oa]s\b|chic[oa]\b|chamac[oa]s?|adolescentes?|pibes?|gurises"
    r"|(?:[5-9]|1[0-7]|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciseis)"
    r" anos)"
)
DANGER_ES = (
    r"(?:minas?\b|mineri\w*|mineros?|canteras?|ladrilleras?|hornos?|obras? de construccion"
    r"|construccion|andamios?|pesticidas?|plaguicidas?|agroquimicos|quimicos|acidos?|machetes?"
    r"|motosierras?|cargas? pesadas?|carg\w* (?:ladrillos|sacos|bultos|cemento)|sacos pesados"
    r"|barcos? de pesca|buceo|curtiembres?|curtidurias?|basureros?|vertederos?|soldadura"
    r"|fuegos artificiales|cohetes|pirotecni\w*|alcantarillas?|sin (?:guantes|mascarillas?|proteccion"
    r"|equipo)|mercurio|cana de azucar|pozas)"
)

AGE_PT = (
    r"(?:(?:1[0-7]|[89]|onze|doze|treze|catorze|quatorze|quinze|dezesseis|dezasseis|dezessete"
    r"|dezassete)\s+anos\b|menos de (?:18|dezoito) anos)"
)
MINOR_PT = (
    r"(?:menor(?:es)? de idade|menor(?:es)?\b|criancas?|adolescentes?|meninas?|meninos?|novinhas?"
    r"|uniforme (?:escolar|da escola)|" + AGE_PT[3:-1] + r")"
)
SEX_PT = (
    r"(?:prostitu\w*|exploracao sexual|explorad[ao]s? sexualmente|(?:fazer|faz|fazendo|fazem)"
    r" programas?|garotas? de programa|programas?\b|cafet\w*|cafifa|bordel|prostibulo|casa de massagem"
    r"|clientes?|vendid[ao]s? para sexo|sexo (?:por|em troca de) dinheiro|servicos sexuais"
    r"|acompanhantes?|pagam? (?:para|por) (?:fazer )?sexo|trabalho sexual|comercio sexual"
    r"|caminhoneiros|anuncio|homens diferentes|\d+ ?(?:reais|euros?|r\$))"
)
DOC_PT = (
    r"(?:passaportes?|documentos?|papeis|\brg\b|identidade|bilhetes? de identidade|carteiras? de "
    r"(?:identidade|trabalho)|vistos?|certidao de nascimento|autorizacao de residencia)"
)
CHILD_PT = (
    r"(?:criancas?|menores|menor\b|meninos?|meninas?|garotos?|garotas?|adolescentes?|miudos?"
    r"|(?:[5-9]|1[0-7]|cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|quatorze|quinze"
    r"|dezesseis) anos)"
)
DANGER_PT = (
    r"(?:minas?\b|mineracao|garimpos?|pedreiras?|olarias?|carvoarias?|fornos?|obras?\b|construcao"
    r"|andaimes?|agrotoxicos?|pesticidas?|produtos quimicos|acidos?|facoes?|motosserras?|cargas? "
    r"pesadas?|carreg\w* (?:tijolos|sacos|peso|cimento)|sacos pesados|barcos? de pesca|mergulho"
    r"|curtumes?|lixoes?|aterros?|solda\b|fogos de artificio|esgotos?|sem (?:luvas|mascaras?|protecao"
    r"|equipamento)|turno da noite|canaviais?|corte de cana|mercurio)"
)


def split_alternatives(group):
    """Top-level alternatives of a "(?:a|b|c)" string."""
    assert group.startswith("(?:") and group.endswith(")"), group[:20]
    body = group[3:-1]
    parts, depth, current, i, in_class = [], 0, "", 0, False
    while i < len(body):
        ch = body[i]
        if ch == "\\":
            current += body[i : i + 2]
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(current)
            current = ""
            i += 1
            continue
        current += ch
        i += 1
    parts.append(current)
    return parts


def chunks(alternatives, budget):
    out, current = [], []
    for alt in alternatives:
        if current and len("|".join(current + [alt])) + 4 > budget:
            out.append("(?:" + "|".join(current) + ")")
            current = []
        current.append(alt)
    if current:
        out.append("(?:" + "|".join(current) + ")")
    return out


def pair(a, b, gap=S):
    """Patterns for "a … b" in one sentence, split so each fits in 500 characters."""
    room = 500 - len(gap) - 12
    a_alts, b_alts = split_alternatives(a), split_alternatives(b)
    if len(a) + len(b) <= room:
        return [rf"\b{a}\b{gap}\b{b}"]
    if len(b) <= room // 2:
        budget_a, budget_b = room - len(b), len(b) + 4
    elif len(a) <= room // 2:
        budget_a, budget_b = len(a) + 4, room - len(a)
    else:
        budget_a = budget_b = room // 2
    return [
        rf"\b{x}\b{gap}\b{y}" for x in chunks(a_alts, budget_a) for y in chunks(b_alts, budget_b)
    ]


INDICATORS = []


def indicator(code, title, description, source, weight, implies_minor, en, fr, es, pt):
    INDICATORS.append(
        {
            "code": code,
            "title": title,
            "description": description,
            "source": source,
            "weight": weight,
            "implies_minor": implies_minor,
            "patterns": {"en": en, "fr": fr, "es": es, "pt": pt},
        }
    )


POLARIS = "Polaris Project, “Recognize the Signs” (National Human Trafficking Hotline)"
ILO = "ILO, Indicators of Forced Labour (Special Action Programme to Combat Forced Labour, 2012)"
UNODC = "UNODC, Human Trafficking Indicators"
DHS = "US Department of Homeland Security, Blue Campaign indicators"
HTCDS = "IOM, Human Trafficking Case Data Standard (HTCDS) v2.0"

indicator(
    "minor-commercial-sex",
    "Minor in commercial sex",
    "A person under 18 is offered, sold or used for sex in exchange for money or anything of "
    "value. Any commercial sex involving a child is trafficking: no force, fraud or coercion "
    "needs to be shown.",
    f"{POLARIS}: “Is under 18 years of age and is providing commercial sex acts”. "
    f"{HTCDS}: type of exploitation “Sexual exploitation”. {UNODC}: indicators of sexual "
    "exploitation.",
    10,
    True,
    en=[
        *pair(MINOR_EN, SEX_EN, FAR),
        *pair(SEX_EN, MINOR_EN),
        r"\bchild (?:prostitut\w*|sex(?:ual)? exploit\w*|escort)",
    ],
    fr=[
        *pair(MINOR_FR, SEX_FR, FAR),
        *pair(SEX_FR, MINOR_FR),
        r"prostitution (?:de mineur|infantile)",
    ],
    es=[
        *pair(MINOR_ES, SEX_ES, FAR),
        *pair(SEX_ES, MINOR_ES),
        r"prostitucion infantil|explotacion sexual (?:infantil|de menores)",
    ],
    pt=[
        *pair(MINOR_PT, SEX_PT, FAR),
        *pair(SEX_PT, MINOR_PT),
        r"prostituicao infantil|exploracao sexual (?:infantil|de criancas|de menores)",
    ],
)

indicator(
    "new-in-town-young-looking",
    "Advertised as “new in town” or looking very young",
    "An advertisement or a description says the person has just arrived (“new in town”, “fresh”) "
    "or they look much younger than the age claimed. Traffickers move victims between cities and "
    "advertise youth; an ad saying “18” next to a child-like photo is a classic red flag.",
    f"{UNODC}: sexual exploitation indicators “Move from one brothel to the next or work in various "
    f"locations”; {POLARIS}: “Is under 18 years of age and is providing commercial sex acts”.",
    6,
    False,
    en=[
        r"\bnew (?:in|to) (?:town|the (?:city|area))|\bjust arrived in (?:town|the city)"
        r"|\bfresh (?:in town|face|new|and young)|\byoung (?:and|&) fresh|\bbarely (?:legal|18)",
        r"\blooks? (?:very |really |so |much )?(?:young|younger|like a (?:child|kid|schoolgirl))"
        r"|\byoung[- ]looking|\bvery young (?:girls?|boys?|women)\b",
        # "Looks about 14" is this sign next to an advert or a claimed age (word rules below);
        # on its own it is the child's age, shown by other indicators.
    ],
    fr=[
        r"\bnouvelle?s? (?:en|dans la|a la|sur la) ville|\b(?:tout juste|fraichement|vient d'etre)"
        r" (?:arrivee?|majeure)|\btoute? jeunes?\b|\bjeune et nouvelle",
        r"\b(?:a|avait|ont) l'air (?:tres |si |vraiment )?(?:jeune|mineure|d'une enfant)"
        r"|\b(?:semble|paraissait|parait|semblait) (?:tres |si )?(?:jeune|mineure)|\btres jeunes?\b",
    ],
    es=[
        r"\bnuevas? en (?:la )?(?:ciudad|zona|el pueblo)|\brecien llegad[ao]s?|\bjovencitas? nuevas?"
        r"|\bcarita de nina",
        r"\b(?:parece|aparenta|se ve|se veia|parecia|aparentaba) (?:muy |tan |bien )?(?:joven|chiquita"
        r"|menor|nina|una nina)|\bmuy jovencit[ao]s|\bnuevitas?\b",
    ],
    pt=[
        r"\bnovas? na (?:cidade|area|regiao|praca)|\brecem[- ]chegad[ao]s?|\bacabou de chegar (?:na|a)"
        r" cidade|\bnovinha|\bcarinha de (?:menina|anjo|crianca)",
        r"\b(?:parece|parecem|aparenta|aparentava|parecia) (?:muito |bem |ser )?(?:jovem|jovens|nova\b"
        r"|novas\b|novinha|menor|crianca|uma crianca)|\bmeninas novas\b",
    ],
)

indicator(
    "confiscated-documents",
    "Identity documents taken or held by someone else",
    "Someone else holds the person’s passport, ID card or other papers, or they cannot show or "
    "get their own documents. Holding documents keeps a person from leaving or seeking help.",
    f"{ILO}: indicator 7 “Retention of identity documents”. {POLARIS}: “Is not in control of "
    f"his/her own identification documents (e.g. ID, passport, or visa)”. {UNODC}: “Be unable to "
    f"show an identity document”. {HTCDS}: method of control “Withholds documents”.",
    8,
    False,
    en=[
        rf"\b(?:took|taken|takes|taking|take|keeps?|kept|keeping|holds?|held|holding|confiscat\w*"
        rf"|seiz\w*|withh[eo]ld\w*|locked away|lock(?:s|ed)? up|hid(?:es|den)?|retain\w*|stole|stolen)"
        rf"(?!\W+(?:her|his|their) own\b)\W+{W}{DOC_EN}",
        rf"\b{DOC_EN}\W+{W}(?:was|were|are|is|got|been|being) (?:\w+ )?(?:taken|confiscated|kept|held"
        rf"|seized|locked|withheld|retained)",
        rf"\b{HOLDER_EN} (?:has|have|had) (?:got )?(?:her|his|their|all (?:the|their)|the girls'|the "
        rf"workers') {DOC_EN}",
        rf"\b{DOC_EN}\W+{W5}(?P<ev>{HOLDER_EN} (?:keeps?|holds?|has|took|kept|held|confiscated)"
        rf" (?:it|them|those)\b)",
        rf"\b{DOC_EN} (?:is|are|was|were|stays?) (?:with|held by|kept by|in the hands of) "
        rf"(?:the|her|his|their) (?:boss|employer|owner|manager|agent|pimp|uncle|aunt|man|woman)",
        rf"\b(?:doesn't|does not|don't|do not|didn't|did not|never) (?:have|hold|keep|get to keep)"
        rf" (?:her|his|their) (?:own )?{DOC_EN}|\bno access to (?:her|his|their) (?:own )?{DOC_EN}",
        r"\b(?:never|not) (?:got|given|handed) (?:her|his|their|them|it) (?:\w+ )?back",
    ],
    fr=[
        rf"\b(?:pris|prend|prennent|garde|gardent|gardait|gardaient|confisque\w*|retient|retiennent"
        rf"|retenu\w*|detient|detiennent|cache\w*|vole\w*|enferme\w*|recupere\w*)\W+{W}{DOC_FR}",
        rf"\b{DOC_FR}\W+{W}(?:confisque|garde|retenu|pris|vole|cache)e?s?\b",
        rf"\b{DOC_FR}\W+{W5}(?P<ev>(?:il|ils|le patron|son patron|l'employeur|la patronne|le chef"
        rf"|le proxenete) (?:les?\s+|l')(?:garde|gardent|detient|detiennent|a\b|ont\b|prend|tient))",
        rf"\b(?:n'a|n'ont|n'avait|n'avaient) (?:pas|plus|jamais) (?:acces a )?(?:ses|son|sa|leurs?)"
        rf" (?:propres? )?{DOC_FR}",
        rf"\b{DOC_FR} (?:sont|est|restent|reste) (?:chez|entre les mains d[eu]|avec) (?:le|la|son|sa"
        rf"|leur) (?:patron|patronne|employeur|chef|proxenete|oncle|tante)",
    ],
    es=[
        rf"\b(?:quito|quitaron|quita|quitan|quitado|retiene|retienen|retuvo|retuvieron|retenid\w*"
        rf"|guarda|guardan|guardo|guardaron|confisc\w*|se quedo con|se quedaron con|se queda con"
        rf"|se quedan con|escondio|escondieron|robo|robaron|tiene guardad\w*)\W+{W}{DOC_ES}",
        rf"\b{DOC_ES}\W+{W}(?:retenid|confiscad|guardad|quitad|escondid)[ao]s?",
        rf"\b(?:el|la) (?:jefe|jefa|patron|patrona|dueno|duena|encargad[oa]|padrote|tio|tia) "
        rf"(?:les |le )?(?:tiene|tenia|guarda|guardaba)\W+{W}{DOC_ES}",
        rf"\b{DOC_ES}\W+{W5}(?P<ev>(?:el|ellos|el jefe|su jefe|el patron|la patrona|el dueno"
        rf"|la duena|el encargado) (?:se )?(?:lo|los|la|las) (?:tiene|tienen|guarda|guardan|retiene"
        rf"|quito|quitaron|tiene guardad\w*)\b)",
        rf"\bno (?:tiene|tienen|tenia|tenian) (?:acceso a )?(?:su|sus) (?:propi[oa]s? )?{DOC_ES}",
    ],
    pt=[
        rf"\b(?:tomou|tomaram|tirou|tiraram|pegou|pegaram|ficou com|ficaram com|fica com|ficam com"
        rf"|retem|retiveram|reteve|retid\w*|guarda|guardam|guardou|guardaram|confisc\w*|escondeu"
        rf"|esconderam|segura|seguram|roubou|roubaram|recolheu|recolheram)\W+{W}{DOC_PT}",
        rf"\b{DOC_PT}\W+{W}(?:foi|foram|estao|esta|ficam|ficaram|ficou|sao)\s+(?:retid|confiscad"
        rf"|tomad|guardad|escondid)[ao]s?",
        rf"\b{DOC_PT}\W+{W}(?:estao|esta|ficam|ficaram|ficou) com (?:o|a) (?:patrao|patroa|chefe|dono"
        rf"|dona|encarregad[oa]|agenciador|tio|tia)",
        rf"\b{DOC_PT}\W+{W5}(?P<ev>(?:ele|eles|o patrao|a patroa|o chefe|o dono|a dona|o encarregado)"
        rf" (?:e que )?(?:os |as |o |a )?(?:guarda|guardam|tem|retem|pegou|tomou|fica com eles))",
        rf"\bnao (?:tem|tinha|tem mais) (?:acesso a |aos |as )?(?:seus|sua|seu|suas|os|o) (?:proprios? )?"
        rf"{DOC_PT}",
    ],
)

indicator(
    "debt-bondage",
    "Debt bondage",
    "The person must work to pay off a debt (travel, housing, food, a “fee”) that they cannot "
    "control and that does not go down, or their pay is kept against it.",
    f"{ILO}: indicator 9 “Debt bondage”. {POLARIS}: “Owes a large and/or increasing debt and is "
    f"unable to pay it off”. {UNODC}: “Seem to be in debt to someone”. {HTCDS}: method of control "
    "“Debt bondage”.",
    8,
    False,
    en=[
        r"\b(?:owes?|owed|owing)\b\W+(?:\w+\W+){0,5}?(?:debt|money|\$|£|€|\d|dollars|euros|pounds"
        r"|thousands?|for (?:the|her|his|their) (?:trip|travel|journey|transport|ticket|flight|room"
        r"|rent|food|visa|smuggl\w*|passage|fees?))",
        r"\bdebts?\b\W+(?:\w+\W+){0,5}?(?:to (?:pay|work) (?:it )?off|pay (?:it |back|off)|work (?:it )?"
        r"off|keeps? (?:growing|increasing|going up|getting bigger)|never (?:ends|goes down|gets "
        r"smaller)|grows|goes up)",
        r"\b(?:work(?:ing)?|pay(?:ing)?) (?:it )?off (?:a |the |her |his |their )?(?:debt|loan|travel"
        r"|costs?|fees?)|\bin debt to\b|\bdebt bondage|\bworking off\b",
        r"\b(?:has|have|had|must) to (?:pay|work) (?:back|off|for) (?:the |a |her |his |their )?(?:debt"
        r"|loan|cost|fees?|ticket|journey|trip|flight|travel|visa|recruitment)",
        r"\b(?:charges?|charged|deducts?|deducted|takes? off) (?:\w+ ){0,2}?(?:for|from (?:her|his"
        r"|their) (?:pay|wages)) (?:\w+ )?(?:food|rent|the room|housing|everything|the bed|transport)",
        r"\b(?:recruitment|agency|travel|smuggling) fees?\b[^.!?\n]{0,40}?\b(?:paid back|pay back"
        r"|repay|deducted|work off)",
        # A debt of any kind, money owed, wages kept against costs.
        r"\bdebts?\b|\b(?:owes?|owed|owing)\b|\brepa(?:y|ys|id|ying)\b|\bwork (?:it |them )?off\b"
        r"|\bdeductions?\b|\bdeducted from\b",
        r"\b(?:pay|paying|paid|pays|work|working|works) (?:it |them |him |her )?back\b"
        r"|\b(?:until|till|before) (?:it|the debt|the money|the loan|(?:their|her|his|the) \w+"
        r"(?: costs?| fees?)?) (?:is|are|has been|have been) (?:paid|repaid|cleared|paid off)\b",
        r"\bnever (?:pay|paid|finish(?:es|ed)? paying|get to the end of) (?:it |the debt |them )?off",
    ],
    fr=[
        r"\bdettes?\b|\bendette\w*",
        r"\b(?:doit|doivent|devait|devaient) (?:encore )?(?:de l'argent|rembourser|\d|des milliers"
        r"|(?:le|son|leur) (?:voyage|passage|billet|trajet|loyer))",
        r"\brembourser (?:son|sa|leur|leurs|le|la|les) (?:voyage|passage|billet|dette|trajet|frais"
        r"|visa|passeur)",
        r"\btravaill\w* (?:gratuitement )?pour (?:payer|rembourser)",
        r"\b(?:a )?rembourser (?:sur|avec|par) (?:son |leur |le |les )?(?:salaire|paie|paye|travail)"
        r"|\b(?:jamais|pas) fini de (?:payer|rembourser)",
        r"\b(?:retient|retenu|retire|deduit|preleve)\w* (?:sur|de) (?:son|sa|leur) (?:salaire|paie|paye)",
    ],
    es=[
        r"\bdeudas?\b|\bendeudad\w*",
        r"\b(?:debe|deben|debia|debian) (?:todavia |aun )?(?:dinero|plata|\d|miles|pagar (?:el|la|su)"
        r"|(?:el|la|su) (?:pasaje|viaje|boleto|traslado|cuarto|comida|renta))",
        r"\bpagar (?:el|su|la|los) (?:viaje|pasaje|boleto|deuda|traslado|coyote|cuarto)",
        r"\btrabaj\w* (?:gratis )?para pagar",
        r"\bnunca (?:terminan?|terminaba|acaba\w*) de pagar|\bhasta que (?:no )?(?:pague|paguen|pagan)"
        r"|\bles? cobra\w* (?:el doble|el triple|todo|intereses)|\bdescuent\w* (?:\w+ ){0,2}?(?:del"
        r" sueldo|de la paga|la comida|el cuarto|el hospedaje|el transporte)",
        r"\b(?:descuenta|descuentan|descontaba|descontaban|le quitan|les quitan) (?:\w+ )?(?:del|de su"
        r"|de sus) (?:sueldo|salario|pago)",
    ],
    pt=[
        r"\bdividas?\b|\bendividad\w*",
        r"\b(?:deve|devem|devia|deviam) (?:ainda )?(?:dinheiro|\d|milhares|(?:a|o) (?:passagem|viagem"
        r"|quarto|comida|transporte))",
        r"\b(?:pagar|paguem|pague) (?:\d+ \w+ )?(?:a |o |sua |seu |da |do )?(?:viagem|passagem|divida"
        r"|transporte|quarto)",
        r"\btrabalh\w* (?:de graca )?para pagar",
        r"\bdevendo\b|\bnunca (?:acabam?|terminam?|conseguem?) de pagar|\benquanto nao (?:pagar"
        r"|pagarem)|\bdescont\w* (?:\w+ ){0,2}?(?:alojamento|comida|ferramentas?|transporte|aluguel"
        r"|quarto|passagem)",
        r"\b(?:desconta|descontam|descontava|descontavam) (?:\w+ )?(?:do|da|de seu|de sua) (?:salario"
        r"|pagamento)",
    ],
)

indicator(
    "restricted-movement",
    "Not free to leave or to move about",
    "The person cannot leave the place where they live or work, is locked in, watched or always "
    "escorted, or is kept from contact with family and friends.",
    f"{ILO}: indicators 3 “Restriction of movement” and 4 “Isolation”. {POLARIS}: “Is not free "
    f"to leave or come and go as he/she wishes”. {UNODC}: “Not free to leave the workplace by "
    f"themselves”, “Be escorted whenever they go to and return from work”. {HTCDS}: method of "
    "control “Restricts movement”.",
    8,
    False,
    en=[
        r"\b(?:not|never|isn't|wasn't|aren't|weren't|isnt|wasnt|arent|werent)\s+(?:allowed|permitted"
        r"|free|able|let)\s+(?:to\s+)?(?:leave|go(?:\s+(?:out|outside|home|anywhere|alone))?\b|come and"
        r" go|walk|see (?:her|his|their) (?:family|friends)|out\b)",
        r"\b(?:can't|cannot|can not|couldn't|could not|cant|couldnt|unable to|never)\s+(?:leave|go out"
        r"|go outside|get out|go anywhere)\b"
        # A curfew ("can't go out on school nights") is a family rule, not confinement.
        r"(?!\s+(?:on (?:week|school) ?nights?|on weekdays|after (?:dark|school|\d)|at night|late\b))",
        r"\b(?:doesn't|does not|don't|do not|won't|will not|never|didn't|did not|wouldn't|would not"
        r"|doesnt|dont|wont|didnt|wouldnt)\s+let(?:s)?\s+(?:her|him|them|the (?:\w+\s+)?(?:girls?|boys?"
        r"|women|workers|kids|children))\s+(?:leave|go|out)",
        r"\blocked (?:in|up|inside)|\block(?:s|ed)? (?:her|him|them|the \w+) (?:in|up|inside)"
        r"|\bkept (?:inside|indoors|locked|behind locked)|\b(?:doors?|gates?) (?:are |is |were |was )?"
        r"(?:always )?locked",
        r"\b(?:escorted|accompanied|followed|watched|guarded|monitored|supervised)\b\W+(?:\w+\W+){0,3}?"
        r"(?:everywhere|at all times|all the time|whenever|wherever|24/7|day and night|every time)",
        r"\b(?:always|constantly) (?:escorted|accompanied|watched|guarded|monitored|with (?:him|her|a "
        r"minder))|\bnever (?:alone|leaves?|goes out|allowed out|lets? (?:her|him|them) out)"
        r"|\bnever (?:outside|out) alone|\blocks? (?:the door|them in|her in|him in) from the outside"
        r"|\block(?:s|ed)? the (?:door|gate) (?:from the outside|behind (?:him|her|them)|when)",
        r"\bbars on (?:the )?windows|\bboarded[- ]up windows|\bbarbed wire|\bcameras? (?:everywhere|on"
        r" the doors?)|\bheld (?:captive|against (?:her|his|their) will|prisoner)|\bconfined\b",
    ],
    fr=[
        r"\b(?:ne|n')\s*(?:\w+\s+){0,2}?(?:peut|peuvent|pouvait|pouvaient|a|ont|avait|avaient)\s+"
        r"(?:pas|jamais|plus)\s+(?:le droit de\s+)?(?:sortir|partir|quitter)",
        r"\b(?:interdite?s? de|defense de|privee?s? de) (?:sortir|partir|quitter)",
        # "enfermé", not the Spanish and Portuguese "enfermera", "enfermeira" (a nurse).
        r"\benferm(?:e|ee|es|ees|er|ent|ait|aient)\b|\bsequestr\w*|\bcloitr\w*",
        r"\bne (?:sort|sortent|sortait|sortaient) (?:jamais|pas|plus|presque jamais)\b",
        r"\b(?:ne|n')\s*(?:la|le|les|l')?\s*laiss\w*\s+(?:pas|jamais)\s+(?:sortir|partir)",
        r"\b(?:toujours|constamment) (?:accompagne|surveille|escorte)e?s?|\b(?:accompagne|surveille"
        r"|escorte)e?s? (?:partout|en permanence|jour et nuit|a chaque sortie|a chaque fois)"
        r"|\bjamais seule?s?",
        r"\bbarreaux aux fenetres|\bsans pouvoir sortir|\bpas libres? de (?:sortir|partir|circuler)",
    ],
    es=[
        r"\bno (?:la |lo |los |las |le |les )?(?:deja|dejan|dejaba|dejaban) (?:salir|irse|ir\b|ver a"
        r"|sol[ao]s?\b)",
        r"\bcandados?\b|\b(?:cierran|cierra|cerraban|cerraba) (?:\w+ ){0,3}?(?:con llave|con candado)",
        r"\bno (?:puede|pueden|podia|podian) (?:salir|irse|dejar)",
        r"\bencerrad\w*|\bencierra\w*|\bsecuestrad\w*|\bretenid[ao]s? contra su voluntad",
        r"\b(?:prohibido|prohibida|prohiben|prohibe|prohibian|tiene prohibido|tienen prohibido) salir",
        r"\bsiempre (?:acompanad|vigilad|escoltad)\w*|\b(?:vigilad|acompanad|escoltad)\w* (?:todo el"
        r" tiempo|a todas partes|en todo momento|dia y noche|24 horas)|\bnunca (?:sale|salen|esta sola"
        r"|estan solas|la dejan sola)",
        r"\bno (?:es|son) libres? de|\brejas en las ventanas",
    ],
    pt=[
        r"\bnao (?:a |o |os |as )?(?:deixa|deixam|deixava|deixavam) (?:ela |ele |eles |elas )?(?:sair"
        r"|ir embora|ver a)",
        r"\bnao (?:pode|podem|podia|podiam|consegue|conseguem) (?:sair|ir embora|deixar)",
        r"\btrancad[ao]s?|\btrancam|\btrancava|\btranca\b|\bnao (?:sai|saem|saia|saiam) nunca|\bpresas? em casa|\bmantid[ao]s? pres[ao]s?"
        r"|\bcarcere privado|\bsequestrad\w*",
        r"\b(?:proibid[ao]s?|proibem|proibe|proibiam) de sair",
        r"\bsempre (?:acompanhad|vigiad|escoltad)\w*|\b(?:vigiad|acompanhad)\w* (?:o tempo todo|24 "
        r"horas|dia e noite|em todo lugar|para todo lado)|\bnunca (?:sai|saem|fica sozinha|ficam "
        r"sozinhas)",
        r"\bgrades nas janelas|\bjanelas? (?:tem|com|têm) grades?|\bnao (?:e|sao) livres? para",
    ],
)

indicator(
    "lives-at-workplace",
    "Lives or sleeps where they work",
    "The person sleeps or lives at the workplace (a salon, restaurant, farm, factory, brothel, "
    "building site), often in improvised or crowded space, so work and life are under one "
    "employer’s control.",
    f"{UNODC}: “Sleep where they work”, “Living in inappropriate or improvised places”, “Have no "
    f"choice of where to live”. {ILO}: indicator 10 “Abusive working and living conditions”.",
    6,
    False,
    en=[
        r"\b(?:lives?|living|lived|sleeps?|sleeping|slept|stays?|staying|stayed)\s+(?:\w+\s+){0,3}?"
        r"(?:at|in|inside|behind|above|upstairs (?:in|at|from)|on the floor of|in the back of|out the"
        r" back of|round the back of)\s+(?:the|a|her|his|their)\s+(?:\w+\s+){0,2}?(?:workplace|shop"
        r"|store|restaurant|salon|nail bar|massage parlou?r|spa|bar|club|factory|farm|kitchen|back"
        r" ?room|storeroom|store room|site|brothel|warehouse|business|car ?wash|takeaway|cellar"
        r"|basement|caravan|container|shed|barn|workshop|premises)",
        r"\b(?:sleeps?|sleeping|slept) (?:on|under) (?:the|a) (?:floor|table|counter|massage tables?)"
        r"|\b(?:live|lives|sleep|sleeps|living|sleeping) where (?:she|he|they) works?",
        r"\b(?:lives?|living|sleeps?|stay|stays) (?:and works? )?on (?:the )?(?:premises|site)"
        r"|\bmattress(?:es)? (?:in|on the floor of|behind) (?:the|a) (?:back|shop|salon|kitchen"
        r"|restaurant|storeroom|workshop)|\bsleep in the back",
        r"\b(?:works?|working) and (?:lives?|sleeps?|living|sleeping) (?:there|in the same|at the same)",
    ],
    fr=[
        r"\b(?:dort|dorment|dormait|dormaient|vit|vivent|vivait|loge|logent|logee?s?|habite|habitent)"
        r"\s+(?:\w+\s+){0,2}?(?:sur (?:son|leur|le) lieu de travail|sur place|(?:dans|a|au|derriere"
        r"|sur)\s+(?:le|la|l'|leur|son|sa|l'arriere|un|une)\s*(?:\w+\s+)?(?:restaurant|salon|boutique"
        r"|atelier|usine|magasin|bar|cuisine|arriere-boutique|chantier|ferme|entrepot|cave|reserve"
        r"|local|institut|exploitation|conteneur|cabane))",
        r"\bdort (?:par terre|sur le sol|sous (?:le|la)|dans la cuisine)|\b(?:vit|dort|dorment|vivent"
        r"|loge|logent) la ou (?:elle|il|ils|elles) travaill",
        r"\b(?:travaillent|travaille) et (?:dorment|dort|vivent|vit) (?:la|sur place|au meme)",
    ],
    es=[
        r"\b(?:duerme|duermen|dormia|dormian|vive|viven|vivia|vivian|se queda|se quedan)\s+(?:\w+\s+)"
        r"{0,2}?(?:en|dentro de(?:l)?|detras de(?:l)?|ahi (?:adentro|dentro)|alli)\s*(?:el |la |su "
        r"|un |una )?(?:\w+\s+)?(?:lugar de trabajo|trabajo|taller|restaurante|tienda|bar|fabrica"
        r"|local|salon|cocina|bodega|almacen|obra|finca|cantina|campamento|galpon)?",
        r"\bduermen? (?:en el suelo|en el piso|debajo de)|\b(?:vive|duerme|viven|duermen) (?:donde|en"
        r" el mismo lugar donde) trabaja",
        r"\btrabajan? y (?:duermen?|viven?) (?:ahi|ahi adentro|alli|en el (?:mismo )?(?:lugar|taller"
        r"|local))",
    ],
    pt=[
        r"\b(?:dorme|dormem|dormia|dormiam|mora|moram|morava|moravam|vive|vivem|vivia|viviam)\s+(?:\w+"
        r"\s+){0,2}?(?:no|na|dentro do|dentro da|dentro da propria|nos fundos d[oa]|em) (?:\w+\s+)?"
        r"(?:local de trabalho|trabalho|oficina|restaurante|loja|bar|fabrica|cozinha|deposito|obra"
        r"|fazenda|salao|boate|casa de massagem|exploracao|contentores|estufa|carvoaria)",
        r"\bdorme(?:m)? no chao|\b(?:mora|dorme|vive|moram|dormem|vivem) (?:onde|no mesmo lugar onde)"
        r" trabalh",
        r"\btrabalh\w* e (?:dorme|dormem|mora|moram|vive|vivem) (?:ali|la|no mesmo)",
    ],
)

indicator(
    "physical-abuse-branding",
    "Signs of physical abuse or branding tattoos",
    "Unexplained injuries (bruises, burns, cuts), reports of beatings, or tattoos and marks that "
    "show “ownership” by someone (a name, a crown, a barcode, “property of”).",
    f"{POLARIS}: “Exhibits unexplained injuries”, “Shows signs of physical and/or sexual abuse”. "
    f"{UNODC}: “Have tattoos or other marks indicating ‘ownership’ by their exploiters”. {DHS}: "
    f"“Do they have bruises?”. {HTCDS}: method of control “Physical abuse” (includes branding or "
    "tattooing).",
    8,
    False,
    en=[
        r"\bbruis\w*|\bblack eyes?\b|\bcigarette burns|\bburn (?:marks|scars)|\bwelts?\b|\bsplit lip"
        r"|\bcuts on (?:her|his|their)|\b(?:injuries|injured|wounds?)\b",
        r"\bburns? (?:marks?|scars?|on (?:her|his|their))|\b(?:cuts?|marks|scars|gash(?:es)?) (?:on|over"
        r"|across) (?:her|his|their) (?:\w+ )?(?:eyes?|face|arms?|legs?|hands?|back|neck|wrists?|body)"
        r"|\b(?:get|gets|got|getting) (?:beaten|hit|slapped|punched|kicked|whipped|burned|burnt)",
        r"\b(?:beats?|beaten|beating|hits?|hitting|slaps?|slapped|slapping|punch(?:es|ed|ing)?"
        r"|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl\w*|burn(?:s|ed|t)?|whip(?:s|ped)?) (?:her|him"
        r"|them|the (?:girls?|boys?|kids?|children|women|workers))\b|\b(?:was|were|got|gets|been|being)"
        r" (?:beaten|hit|slapped|punched|kicked|whipped)",
        r"\bbranded\b|\bbranding\b|\btattoo(?:s|ed)?\b\W+(?:\w+\W+){0,6}?(?:name|initials|barcode"
        r"|crown|dollar|\$|money|property|owned|daddy|king)|\b(?:name|initials|barcode|crown)\b\W+"
        r"(?:\w+\W+){0,3}?tattoo\w*|\bproperty of\b",
    ],
    fr=[
        r"\b(?:des|un|de|plein de|couverte? de|avec des) bleus\b|\bhematomes?|\becchymoses?"
        r"|\bblessures?|\bcoquards?|\bbrulures?\b|\bcicatrices?|\bplaies?\b",
        r"\bmarques? (?:sur|aux?) (?:ses|son|sa|le|la|les) (?:jambes|bras|visage|dos|corps|mains|cou"
        r"|poignets?|cuisses)|\b(?:se fait|se font|se faisait|se faisaient|fait|font) (?:battre"
        r"|frapper|taper)",
        r"\bfrapp(?:e|ee|ees|es|ait|aient|ent)\b|\bbattue?s?\b|\bbat (?:la|le|les)\b|\bgifl\w*"
        r"|\bcoups? de (?:poing|pied|ceinture)|\bles (?:bat|frappe|frappent|gifle|giflent)\b",
        r"\btatou\w*\W+(?:\w+\W+){0,6}?(?:nom|initiales|code-barres|code barre|couronne|propriete)"
        r"|\bmarquee?s? (?:au fer|comme)|\bpropriete de\b",
    ],
    es=[
        r"\bmoreton(?:es)?\b|\bmoraton(?:es)?\b|\bhematomas?|\blesiones\b|\bherid[ao]s?\b|\bheridas\b|\bojo morado"
        r"|\bquemaduras?\b|\bcicatrices",
        r"\b(?:le|les|la|lo|los|las) (?:pega|pegan|pegaba|pegaban|golpea|golpean|golpeaba|golpeaban"
        r"|maltrata|maltratan)\b|\bgolpead[ao]s?\b|\bgolpes\b|\bpalizas?\b",
        r"\btatua\w*\W+(?:\w+\W+){0,6}?(?:nombre|iniciales|codigo de barras|corona|propiedad)"
        r"|\bmarcad[ao]s? (?:como|con (?:su|el) nombre)|\bpropiedad de\b",
    ],
    pt=[
        r"\bhematomas?|\bmanchas roxas|\bmarcas roxas|\bolho roxo|\bcheia de roxos|\bferimentos?"
        r"|\bmachucad[ao]s?|\bqueimaduras?\b|\bcicatrizes|\bnodoas? negras?"
        r"|\b(?:braco|bracos|olho|rosto|perna|pernas|cara|costas) (?:todo |toda )?roxos?\b",
        r"\b(?:ela|ele|eles|elas|a patroa|o patrao|o dono|a dona) (?:lhe |lhes )?(?:bate|batem|batia"
        r"|batiam)\b",
        r"\b(?:bate|batem|batia|batiam) (?:nela|nele|neles|nelas|na|no|nas|nos)\b|\bespanc\w*"
        r"|\bagredid[ao]s?|\bapanha\w*|\bagressoes?\b",
        r"\btatua\w*\W+(?:\w+\W+){0,6}?(?:nome|iniciais|codigo de barras|coroa|propriedade)"
        r"|\bmarcad[ao]s? como|\bpropriedade de\b",
    ],
)

indicator(
    "third-party-control",
    "Someone else speaks for them or holds their money or phone",
    "Another person answers for the child or worker, will not let them speak alone, translates "
    "for them, or keeps their earnings, money or phone.",
    f"{POLARIS}: “Is not allowed or able to speak for themselves (a third party may insist on "
    f"being present and/or translating)”, “Is not in control of his/her own money”. {DHS}: “Is "
    f"the person in the company of someone they defer to and they are controlling the "
    f"situation?”. {UNODC}: “Have no cash of their own”. {HTCDS}: methods of control “Takes "
    "earnings”, “Restricts financial access”.",
    7,
    False,
    en=[
        r"\b(?:speaks?|spoke|speaking|talks?|talked|talking|answers?|answered|answering|responds?"
        r"|responded|replies|replied|does (?:all )?the talking|did (?:all )?the talking) (?:\w+ ){0,3}?for "
        r"(?:her|him|them|the (?:girls?|boys?|child|children|kids?|women|workers))\b",
        r"\b(?:won't|wouldn't|doesn't|didn't|does not|did not|never|wont|wouldnt|doesnt|didnt) "
        r"let(?:s)? (?:her|him|them|the \w+) (?:speak|talk|answer|reply)|\b(?:not|never) (?:allowed"
        r"|permitted) to (?:speak|talk|answer)",
        r"\binsist(?:s|ed)? on (?:being present|translating|staying|answering)|\b(?:translat\w*"
        r"|interpret\w*) for (?:her|him|them)|\b(?:look(?:s|ed)?|glance[sd]?) at (?:him|her|the (?:man"
        r"|woman|manager|boss)) before (?:answering|speaking|replying|saying)",
        r"\b(?:holds?|held|keeps?|kept|takes?|took|collects?|collected|collecting|controls?"
        r"|controlled|manages?|pockets?|pocketed) (?:all )?(?:of )?(?:her|his|their|the (?:girls?|boys?"
        r"|child|children|kids|workers)'?s?) (?:money|earnings|wages|pay\b|salary|phones?|cash|tips"
        r"|mobiles?|bank cards?|cards)",
        r"\b(?:collects?|collected|takes?|took|keeps?|kept|handles?|gets?) (?:all )?(?:the|all the)"
        r" (?:money|cash|payment|earnings)|\b(?:money|earnings|wages|pay|tips|cash) (?:goes|go|went"
        r"|is paid|are paid|gets paid|is given|is handed|are handed) (?:\w+ )?(?:to|straight to)"
        r" (?:him|her|them|the \w+)",
        r"\bno (?:phone|money|cash) of (?:her|his|their) own|\b(?:hands?|handed|give|gives|gave)"
        r" (?:over )?(?:all )?(?:the|her|his|their) (?:money|earnings|wages|cash)",
    ],
    fr=[
        r"\b(?:parle|parlait|repond|repondait|parlent|repondent|repondaient) (?:toujours )?(?:a (?:sa|leur)"
        r" place|pour (?:elle|lui|eux|elles|l'enfant|les enfants))",
        r"\b(?:ne (?:la|le|les|l') )?laiss\w* (?:pas|jamais) (?:parler|repondre)|\b(?:traduit|traduisait"
        r"|traduisent) pour (?:elle|lui|eux)|\binsist\w* pour (?:rester|etre present|repondre)",
        r"\b(?:garde|gardent|gardait|prend|prennent|prenait|confisque\w*|controle\w*|gere|recupere\w*"
        r"|empoche\w*|encaisse\w*|ramasse\w*) (?:tout |toutes )?(?:son|sa|ses|leur|leurs|l'|les|tout l')"
        r" ?(?:argent|salaire|gains|paie|paye|telephone|portable|pourboires|pieces|recette)",
        r"\b(?:son argent|sa paie|son salaire|leur salaire|leur argent) (?:va|allait|est verse|est"
        r" donne) (?:directement )?(?:a|au)",
    ],
    es=[
        r"\b(?:habla|hablaba|responde|respondia|contesta|contestaba|hablan|responden|contestan) (?:\w+ )?"
        r"(?:\w+ ){0,2}por (?:ella|el|ellos|ellas|la nina|el nino|los ninos|las chicas|todos|todas)\b",
        r"\bno (?:la|lo|los|las|le|les) (?:deja|dejan|dejaba) (?:hablar|responder|contestar)"
        r"|\b(?:traduce|traducia) por (?:ella|el|ellos)",
        r"\b(?:se queda con|se quedan con|se quedaba con|guarda|guardan|cobra|cobran|controla"
        r"|controlan|maneja|le quita|les quita|administra|recoge|recogen|junta) (?:todo |toda )?(?:su"
        r"|sus|el|la|lo que) (?:dinero|sueldo|salario|pago|paga|telefono|celular|movil|ganancias"
        r"|propinas|plata|juntaron|ganan|ganaron|recaudado)",
        r"\b(?:su dinero|su sueldo|su pago|el dinero|la plata) (?:va|iba|se lo dan|se paga|se lo "
        r"entregan|lo recibe|se lo lleva) (?:\w+ )?(?:a|al|directamente|el)",
    ],
    pt=[
        r"\b(?:fala|falava|responde|respondia|falam|respondem) (?:sempre )?(?:por|pela|pelo|pelas"
        r"|pelos) (?:ela|ele|eles|elas|crianca|criancas|menina|meninas|menino|meninos|todas|todos)\b",
        r"\bnao (?:a|o|as|os) (?:deixa|deixam|deixava) (?:falar|responder)",
        r"\b(?:fica com|ficam com|ficava com|guarda|guardam|controla|controlam|toma|tomam|retem"
        r"|recebe|recebem|recolhe|recolhem|pega|pegam) (?:todo |toda )?(?:o |a )?(?:seu |sua )?"
        r"(?:dinheiro|salario|pagamento|celular|telefone|ganhos|gorjetas)",
        r"\b(?:o dinheiro|o salario|o pagamento) (?:vai|ia) (?:direto )?(?:para|pro)",
    ],
)

indicator(
    "scripted-answers",
    "Scripted or inconsistent answers",
    "The person gives rehearsed, word-for-word or changing answers, as if told what to say; "
    "several people give the exact same story.",
    f"{POLARIS}: “Shares scripted, confusing, or inconsistent stories”, “Has numerous "
    "inconsistencies in his/her story”.",
    3,
    False,
    en=[
        r"\bscripted|\brehearsed|\b(?:coached|told|instructed|trained) (?:on )?(?:exactly )?(?:what|how)"
        r" to (?:say|answer)|\bword for word|\bsame (?:exact )?(?:story|answers?|lines?|words|phrases?)"
        r"|\bexact same (?:story|answers?|words)|\bmemori[sz]ed",
        r"\b(?:like|as if) (?:(?:she|he|they) (?:was|were) )?(?:reading (?:from )?|reciting )?a script"
        r"|\b(?:story|stories|answers?) (?:keeps?|kept) changing|\binconsisten\w*|\b(?:repeats?"
        r"|repeated|recited|recites) (?:the same|a|the) (?:story|answer|lines?|words|phrases?)",
    ],
    fr=[
        r"\b(?:recit|histoire|reponses?|discours|phrases?) (?:\w+ ){0,2}?(?:apprise?s?|recitee?s?"
        r"|repetee?s?|toute?s? faite?s?|par coeur)|\bpar coeur|\bmot pour mot|\bmemes? (?:phrases?"
        r"|reponses?|histoire)",
        r"\b(?:recite|recitait|recitent|repete|repetait|repetent) (?:la meme|une|les memes) (?:histoire"
        r"|phrase|reponse|lecon)|\bincoheren\w*|\bon (?:lui|leur) (?:a dit|avait dit|a appris) quoi "
        r"(?:dire|repondre)|\bune lecon apprise",
    ],
    es=[
        r"\b(?:respuestas?|historia|relato|discurso|frases?) (?:\w+ ){0,2}?(?:ensayad[ao]s?|aprendid[ao]s?"
        r"|memorizad[ao]s?|de memoria|preparad[ao]s?)|\bde memoria|\bpalabra por palabra|\b(?:la misma|las"
        r" mismas) (?:respuestas?|historia|frases?)",
        r"\b(?:recitando|leyendo un guion)|\b(?:repite|repetia|repiten|recita|recitaba) (?:la misma|una|las"
        r" mismas) (?:historia|respuesta|frase)|\ble (?:dijeron|habian dicho|ensenaron) (?:que|lo que)"
        r" (?:decir|responder)|\bguion\b|\bincoherencias?|\bse contradice",
    ],
    pt=[
        r"\b(?:respostas?|historia|relato|discurso|frases?) (?:\w+ ){0,2}?(?:ensaiad[ao]s?|decorad[ao]s?"
        r"|memorizad[ao]s?|prontas?|combinad[ao]s?)|\bdecorad[ao]s?|\bpalavra por palavra|\b(?:a mesma"
        r"|as mesmas) (?:respostas?|historia|frases?)",
        r"\b(?:recitando|lendo um roteiro)|\b(?:repete|repetia|repetem|recita|recitava) (?:a mesma|uma"
        r"|as mesmas) (?:historia|resposta|frase)|\b(?:disseram|ensinaram|mandaram) (?:a ela |para ela "
        r"|a eles )?(?:o que|que) (?:dizer|falar|responder)|\broteiro\b|\bse contradiz",
    ],
)

indicator(
    "false-job-or-study-offer",
    "Recruited with a false job or study offer",
    "The person came for a job, a modelling contract, a scholarship or a course that turned out "
    "to be different or did not exist; the promise was the bait.",
    f"{ILO}: indicator 2 “Deception”. {POLARIS}: “Was recruited through false promises "
    f"concerning the nature and conditions of his/her work”. {HTCDS}: method of control “False "
    "promises”.",
    7,
    False,
    en=[
        r"\b(?:promised|offered|promising|offering|promises|offers|told (?:her|him|them) (?:she|he|they)"
        r" would (?:get|have|be)|said (?:she|he|they) would (?:get|have|be))\s+(?:\w+\s+){0,3}?(?:a )?"
        r"(?:jobs?|work\b|position|modell?ing|waitress\w*|waiter|nanny|babysitting|cleaning|scholarship"
        r"|studies|study|school|college|university|course|contracts?|place at|housekeeper|au pair"
        r"|employment)",
        r"\b(?:job|work|modell?ing|scholarship|study|au pair|nanny|offer|contract|agency)\b\W+(?:\w+\W+)"
        r"{0,6}?(?:turned out|was (?:fake|false|a lie|not real|a scam)|never existed|did not exist"
        r"|didn't exist|doesn't exist)",
        r"\b(?:fake|false|bogus|phony|phoney|sham) (?:jobs?|modell?ing|agency|offers?|scholarships?"
        r"|contracts?|castings?|recruiters?|promises?)",
        r"\b(?:lured|tricked|deceived|recruited|brought|came|travell?ed|went)\s+(?:\w+\s+){0,4}?(?:with|by"
        r"|through|for|on) (?:a |an |the )?(?:promise|offer|job|ad|advert|scholarship|modell?ing)",
        r"\binstead (?:she|he|they) (?:was|were|are|is) (?:forced|made|put|told)|\b(?:paid )?modell?ing"
        r" (?:work|jobs?|contract)",
    ],
    fr=[
        r"\b(?:promis|propose|offert|promettait|promet|promettant|proposant|proposait)\w*\s+(?:\w+\s+)"
        r"{0,3}?(?:un |une )?(?:emploi|travail|boulot|poste|job|contrat|bourse|etudes|formation|stage"
        r"|place de|mannequinat|ecole)",
        r"\b(?:fausses?|faux) (?:offres?|promesses?|emplois?|agences?|contrats?|bourses?|castings?)",
        r"\b(?:attiree?s?|trompee?s?|recrutee?s?|piegee?s?|venue?s?|arrivee?s?)\s+(?:\w+\s+){0,4}?(?:par"
        r"|avec|pour) (?:une |un |la |le |des )?(?:promesse|offre|annonce|emploi|travail|bourse)",
        r"\b(?:emploi|travail|offre|bourse|poste)\b\W+(?:\w+\W+){0,6}?(?:n'existait pas|etait faux"
        r"|etait fausse|etait un mensonge)|\bau lieu de (?:ca|cela|quoi)",
    ],
    es=[
        r"\b(?:prometieron|prometio|ofrecieron|ofrecio|prometian|ofrecian|prometiendo|ofreciendo|promete"
        r"|ofrece)\s+(?:\w+\s+){0,3}?(?:un |una )?(?:trabajo|empleo|puesto|beca|estudios|contrato|curso"
        r"|chamba|chance|modelaje|escuela)",
        r"\b(?:falsa|falso|falsas|falsos) (?:ofertas?|promesas?|empleos?|trabajos?|agencias?|becas?"
        r"|contratos?|castings?)",
        r"\b(?:enganad|atraid|captad|reclutad|vino|vinieron|llego|llegaron|traid)\w*\s+(?:\w+\s+)"
        r"{0,4}?(?:con|por|para) (?:una |un |la |el )?(?:promesa|oferta|anuncio|trabajo|beca)",
        r"\b(?:trabajo|empleo|oferta|beca)\b\W+(?:\w+\W+){0,6}?(?:no existia|era falso|era falsa|era"
        r" mentira)|\ben (?:lugar|vez) de (?:eso|trabajar|estudiar)",
    ],
    pt=[
        r"\b(?:prometeram|prometeu|ofereceram|ofereceu|prometiam|ofereciam|prometendo|oferecendo"
        r"|promete|oferece)\s+(?:\w+\s+){0,3}?(?:um |uma )?(?:emprego|trabalho|vaga|bolsa|estudos"
        r"|contrato|curso|escola|carreira)",
        r"\b(?:falsa|falso|falsas|falsos) (?:ofertas?|promessas?|empregos?|trabalhos?|agencias?|bolsas?"
        r"|contratos?|propostas?)",
        r"\b(?:enganad|atraid|aliciad|recrutad|veio|vieram|chegou|chegaram|trazid)\w*\s+(?:\w+\s+)"
        r"{0,4}?(?:com|por|para) (?:uma |um |a |o )?(?:promessa|oferta|anuncio|proposta|emprego"
        r"|trabalho|bolsa)",
        r"\b(?:emprego|trabalho|oferta|bolsa|vaga|proposta)\b\W+(?:\w+\W+){0,6}?(?:nao existia|era falso"
        r"|era falsa|era mentira)|\bem vez disso",
    ],
)

indicator(
    "frequent-moves",
    "Moved often between cities or places",
    "The person is moved from city to city, hotel to hotel or site to site, often at short "
    "intervals, or does not know where they are.",
    f"{UNODC}: “Move from one brothel to the next or work in various locations”, “Regularly "
    f"moved to avoid detection”. {POLARIS}: “Lack of knowledge of whereabouts and/or do not know "
    f"what city he/she is in”. {HTCDS}: method of control “Restricts movement” (moving the "
    "individual frequently).",
    4,
    False,
    en=[
        r"\b(?:move|moved|moves|moving|take|takes|taken|drive|drives|driven|shuttled|transported|rotated"
        r"|sent|brought|goes|go"
        r"|travels?)\s+(?:\w+\s+){0,3}?(?:from (?:city to city|town to town|place to place|hotel to hotel"
        r"|motel to motel|one (?:city|town|place|hotel|motel|house|brothel|state|site|farm) to "
        r"(?:another|the next))|between (?:cities|towns|hotels|motels|states|houses|flats|sites)"
        r"|around (?:a lot|constantly|different (?:cities|towns)))",
        r"\b(?:different|new|another) (?:city|town|hotel|motel|place|flat|house) (?:every|each) (?:few |"
        r"couple of |other )?(?:days?|weeks?|nights?|months?)|\b(?:every|each) (?:few |couple of |other )?"
        r"(?:days?|weeks?|nights?) (?:in )?(?:a )?(?:different|new|another) (?:city|town|hotel|motel"
        r"|place)",
        r"\b(?:doesn't|does not|didn't|did not|don't|do not) (?:even )?know (?:what|which) (?:city|town"
        r"|country) (?:she|he|they)|\bnever (?:stays?|stayed) (?:anywhere |in one place )?(?:long|more "
        r"than)|\bon (?:a|the) circuit",
    ],
    fr=[
        r"\bde ville en ville|\bd'une ville a l'autre|\bd'un (?:hotel|appartement|endroit|lieu) a "
        r"l'autre|\b(?:change\w*|deplace\w*|demenag\w*) (?:\w+ )?(?:de ville|d'hotel|d'appartement)"
        r" (?:toutes|tous|chaque)",
        r"\b(?:deplace\w*|change\w*|emmene\w*|trimbal\w*|transfere\w*)\s+(?:\w+\s+){0,3}?(?:toutes les"
        r" (?:semaines|nuits|deux semaines)|tous les (?:jours|deux jours|trois jours|mois|quinze jours)"
        r"|chaque (?:semaine|mois))|\bne sait (?:pas|meme pas) (?:dans )?quelle ville",
    ],
    es=[
        r"\bde ciudad en ciudad|\bde un (?:lugar|hotel|sitio|pueblo|piso|departamento) a otro"
        r"|\b(?:cambian?|mueven?|trasladan?|llevan?|rotan?)\w*\s+(?:\w+\s+){0,3}?(?:cada (?:semana|mes"
        r"|quince dias|pocos dias|dos dias|tres dias)|de ciudad)",
        r"\bno sabe (?:ni )?(?:en )?que ciudad",
    ],
    pt=[
        r"\bde cidade em cidade|\bde um (?:lugar|hotel|sitio|apartamento) (?:para|a) outro"
        r"|\b(?:mudam?|levam?|transferem|trocam?|rodam?)\w*\s+(?:\w+\s+){0,3}?(?:toda semana|todo mes"
        r"|cada semana|a cada (?:semana|mes|poucos dias|dois dias|tres dias|quinze dias)|de cidade)",
        r"\bnao sabe (?:nem )?(?:em )?que cidade",
    ],
)

indicator(
    "older-boyfriend-gifts",
    "Older “boyfriend” giving gifts",
    "An adult presents himself as the young person’s boyfriend and gives expensive gifts "
    "(phones, clothes, money): a common way of grooming a child before exploiting them.",
    f"{HTCDS}: method of control “Psychological abuse” (“acts intended to exploit or prey upon any "
    f"familial or romantic bonds”). {POLARIS}: “Protects the person who may be hurting them, or "
    "minimizes abuse”.",
    6,
    False,
    # Word rules below (RULES): an adult giving a young person gifts. "An older man" alone
    # is not this sign (he may be a husband, a pimp, a passer-by).
    en=[],
    fr=[],
    es=[],
    pt=[],
)

indicator(
    "online-grooming-sextortion",
    "Online grooming or sextortion",
    "An adult contacts a child online (social media, games, chat apps), asks for sexual images, "
    "or threatens to share images unless the child sends more, pays or meets.",
    f"{HTCDS}: methods of control “Threats” and “Psychological abuse”; type of exploitation "
    f"“Sexual exploitation”. {POLARIS}: “Shows signs of physical and/or sexual abuse”.",
    9,
    True,
    en=[
        r"\b(?:nudes?|naked|explicit|intimate|sexual|sexy|private|topless|underwear|lingerie|revealing)"
        r" (?:photos?|pics?|pictures?|images?|videos?|selfies?)|\b(?:pics?|photos?|pictures?) (?:of her|of"
        r" him)?\s?(?:in (?:her|his) underwear|naked|topless|without clothes)",
        r"\b(?:send|sent|sends|share|shared|asks? for|asked for|asking for|wants?) (?:him |them |her )?"
        r"(?:nudes|naked|pics|more pics|photos of)|\bsextort\w*",
        r"\b(?:threaten\w*|threats?|blackmail\w*|says? (?:he'll|he will|they'll|they will))\s+(?:\w+\s+)"
        r"{0,6}?(?:to )?(?:post|share|leak|publish|send|release|show|spread|expose)\w*",
        r"\bgroom\w*\s+(?:\w+\s+){0,3}?(?:online|on|through|via|over)|\bonline grooming",
    ],
    fr=[
        r"\b(?:photos?|videos?|images?|selfies?) (?:intimes?|denudee?s?|nue?s?|sexuelles?|osee?s?"
        r"|explicites?|en sous-vetements|sans vetements)|\bnudes?\b|\bsextorsion",
        r"\b(?:menace\w*|chantage|dit qu'il va|dit qu'ils vont)\s+(?:\w+\s+){0,6}?(?:de )?(?:publier"
        r"|diffuser|partager|envoyer|montrer|poster|balancer)",
        r"\b(?:demande|demandait|reclame|exige)\w* (?:\w+ ){0,3}?des photos|\bpedopiegeage|\bgrooming",
    ],
    es=[
        r"\b(?:fotos?|videos?|imagenes?) (?:intimas?|desnud[ao]s?|sexuales?|explicit[ao]s?|eroticas?"
        r"|sin ropa|en ropa interior|en calzones)|\bnudes?\b|\bsextorsion",
        r"\b(?:amenaz\w*|chantaj\w*)\s+(?:\w+\s+){0,6}?(?:con )?(?:publicar|difundir|compartir|enviar"
        r"|mandar|mostrar|subir|pasar)",
        r"\b(?:pide|pidio|pedia|piden|exige)\w* (?:\w+ ){0,2}?fotos|\bgrooming",
    ],
    pt=[
        r"\b(?:fotos?|videos?|imagens?) (?:intimas?|nuas?|nus\b|pelad[ao]s?|sensuais|sexuais|explicit[ao]s?"
        r"|sem roupa|de calcinha|de roupa intima)|\bnudes?\b|\bsextorsao",
        r"\b(?:ameac\w*|chantag\w*)\s+(?:\w+\s+){0,6}?(?:de )?(?:publicar|divulgar|postar|compartilhar"
        r"|partilhar|mandar|enviar|espalhar|vazar|mostrar)",
        r"\b(?:pede|pediu|pedia|pedem|exige)\w* (?:\w+ ){0,2}?fotos|\bgrooming|\baliciamento online",
    ],
)

indicator(
    "dangerous-child-labour",
    "Child in dangerous work",
    "A child works in hazardous conditions: mines, quarries, kilns, building sites, with "
    "chemicals, pesticides, machetes, heavy loads, at sea, at night, or without protection.",
    f"ILO Worst Forms of Child Labour Convention, 1999 (No. 182), Art. 3(d) (hazardous work). "
    f"{UNODC}: “Working without appropriate tools or protective gear”. {ILO}: indicator 10 "
    f"“Abusive working and living conditions”. {HTCDS}: type of exploitation “Child labour”.",
    8,
    True,
    en=[*pair(CHILD_EN, DANGER_EN, r"[^.!?\n]{0,90}?"), *pair(DANGER_EN, CHILD_EN)],
    fr=[*pair(CHILD_FR, DANGER_FR, r"[^.!?\n]{0,90}?"), *pair(DANGER_FR, CHILD_FR)],
    es=[*pair(CHILD_ES, DANGER_ES, r"[^.!?\n]{0,90}?"), *pair(DANGER_ES, CHILD_ES)],
    pt=[*pair(CHILD_PT, DANGER_PT, r"[^.!?\n]{0,90}?"), *pair(DANGER_PT, CHILD_PT)],
)

indicator(
    "forced-begging",
    "Forced begging",
    "Children (or disabled or elderly people) are made to beg or sell small items on the street "
    "and hand the money to someone who drops them off, watches them or collects it.",
    f"{HTCDS}: type of exploitation “Forced begging”. {UNODC}: indicators of exploitation. "
    f"{ILO}: indicator 1 “Abuse of vulnerability”.",
    8,
    True,
    en=[
        r"\b(?:forced|made|sent|used|told|put|forcing|making|sending)\s+(?:\w+\s+){0,3}?(?:to )?beg"
        r"(?:ging)?\b|\bforced begging",
        r"\b(?:children|child|kids?|boys?|girls?|minors?|toddlers?|babies|baby)\b\W+(?:\w+\W+){0,6}?"
        r"(?:begging|beg\b|asking (?:people |drivers |passers-by )?for (?:money|coins|change)|selling"
        r" (?:tissues|flowers|candy|sweets|gum|trinkets|roses))",
        r"\bbegging\b\W+(?:\w+\W+){0,8}?(?:hand(?:s|ed)? (?:over|the money|it all|everything)|give(?:s)?"
        r" (?:the|all the) (?:money|coins)|collects? (?:the )?(?:money|coins|takings)|takes? (?:the|all"
        r" the) (?:money|coins)|quota|dropped off|picked up|drops? them off|picks? them up)",
        r"\b(?:dropped|drops?|drop) (?:them |the (?:kids|children) )?off\W+(?:\w+\W+){0,6}?(?:to beg"
        r"|begging)",
    ],
    fr=[
        r"\b(?:force|oblige|envoie|envoye|fait|mis|forces|obliges)\w*\s+(?:\w+\s+){0,3}?(?:a |de )?"
        r"(?:mendier|faire la manche)|\bmendicite forcee",
        r"\b(?:enfants?|gamins?|petits?|mineurs?|fillettes?|bebes?)\b\W+(?:\w+\W+){0,6}?(?:mendi\w*|font"
        r" la manche|faire la manche|vendent des (?:mouchoirs|fleurs|bonbons|roses))",
        r"\b(?:mendi\w*|la manche)\b\W+(?:\w+\W+){0,8}?(?:donner|remettre|recupere\w*|ramasse\w*|prend)"
        r" (?:tout |toutes )?(?:l'argent|les pieces|la recette)",
    ],
    es=[
        r"\b(?:obliga|obligan|obligaba|obligaban|fuerza|forzad\w*|manda|mandan|envia|envian|ponen?)\s+"
        r"(?:\w+\s+){0,3}?(?:a )?(?:pedir (?:dinero|limosna|monedas|plata)|mendigar|limosnear|pedir en)"
        r"|\bmendicidad forzada",
        r"\b(?:nin[oa]s?|menores|chamac\w+|pibes|chic[oa]s|bebes?)\b\W+(?:\w+\W+){0,6}?(?:pidiendo"
        r" (?:dinero|limosna|monedas|plata)|mendigando|piden (?:dinero|limosna|plata)|vendiendo"
        r" (?:chicles|dulces|flores|panuelos|caramelos))",
        r"\b(?:pidiendo|piden|mendigando)\b\W+(?:\w+\W+){0,10}?(?:entregar|entregan|le dan|se lleva"
        r"|recoge|recoger|junta) (?:todo )?(?:el dinero|la plata|lo que)",
    ],
    pt=[
        r"\b(?:obriga|obrigam|obrigava|obrigavam|forcad\w*|forca|manda|mandam|colocam?|poe|poem)\s+"
        r"(?:\w+\s+){0,3}?(?:a )?(?:pedir (?:dinheiro|esmola|moedas)|mendigar)|\bmendicancia forcada"
        r"|\bmendicidade forcada",
        r"\b(?:criancas?|menores|meninos?|meninas?|miudos?|bebes?)\b\W+(?:\w+\W+){0,6}?(?:pedindo"
        r" (?:dinheiro|esmola|moedas)|a pedir (?:dinheiro|esmola|moedas)|mendigando|pedem (?:dinheiro"
        r"|esmola)|vendendo (?:balas|doces|flores|panos))",
        r"\b(?:pedindo|pedem|mendigando)\b\W+(?:\w+\W+){0,10}?(?:entregar|entregam|entregavam|da|dao"
        r"|recolhe|pega|leva) (?:todo )?(?:o dinheiro|as moedas)",
    ],
)

AGE_ONLY_EN = r"(?:1[0-7]|[89]|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen)"
indicator(
    "child-marriage",
    "Child marriage",
    "A child is married, promised or sold in marriage, often to a much older man, sometimes in "
    "exchange for a bride price or to settle a debt.",
    f"{HTCDS}: type of exploitation “Forced marriage”. {UNODC}: indicators of trafficking "
    "(forced marriage as exploitation).",
    9,
    True,
    en=[
        # A forced or arranged marriage, a dowry: child marriage only with a child in view
        # (the word rules below pair marriage words with child words).
        r"\bchild (?:brides?|marriages?|wife|wives|bride)|\b(?:married|marry|marrying) (?:her |him )?off",
        *pair(MINOR_EN, r"(?:marr\w+|brides?|wedding|husband|wife|engaged|betrothed)"),
        r"\b(?:marr\w+|brides?|wedding|husband|wife|engaged|betrothed)\b\W+(?:\w+\W+){0,6}?(?:at|aged?"
        rf"|only|is|was|just|age) {AGE_ONLY_EN}\b",
    ],
    fr=[
        r"\bmariage (?:precoce|d'enfants?)",
        *pair(
            r"(?:" + AGE_FR + r"|mineure|fillette|petite fille)",
            r"(?:mariee?|epous\w*|mari\b|noces"
            r"|mariage)",
        ),
        r"\b(?:mariee?|epous\w*|mariage)\b\W+(?:\w+\W+){0,6}?(?:a|de|a l'age de) (?:1[0-7]|[89]|onze"
        r"|douze|treize|quatorze|quinze|seize|dix-sept) ans",
    ],
    es=[
        r"\bmatrimonio (?:infantil|precoz)",
        *pair(
            r"(?:" + AGE_ES + r"|menor de edad|nina)",
            r"(?:casad[ao]|casar\w*|se caso|matrimonio"
            r"|esposa|marido|boda)",
        ),
        r"\b(?:casad[ao]|se caso|casaron|casarla|casarlo|matrimonio|esposa|boda)\b\W+(?:\w+\W+){0,6}?"
        r"(?:a los|con|de) (?:1[0-7]"
        r"|[89]|once|doce|trece|catorce|quince|dieciseis|diecisiete) anos",
    ],
    pt=[
        r"\bcasamento (?:infantil|precoce)",
        *pair(
            r"(?:" + AGE_PT + r"|menor de idade|menina)",
            r"(?:casad[ao]|casar\w*|casou|casamento"
            r"|esposa|marido|noiva)",
        ),
        r"\b(?:casad[ao]|casou|casamento|esposa|noiva)\b\W+(?:\w+\W+){0,6}?(?:aos|com|de) (?:1[0-7]"
        r"|[89]|onze|doze|treze|catorze|quinze|dezesseis|dezessete) anos",
    ],
)


# ---- Word-window rules (near(...); see vigil/triage/word_rules.py) -------------------------------
def near(*parts, ordered=False):
    """near(...) rules for these groups, split so that each fits in 500 characters.

    With `ordered`, then(...) rules: each group's words come after the previous group's.
    """
    *groups, distance = parts
    room = 480 - 10 * len(groups)
    budget = max(room // len(groups), room - sum(len(g) for g in groups[1:]))
    split = [[g] for g in groups]
    if sum(len(g) for g in groups) > room:
        split = []
        for number, group in enumerate(groups):
            share = budget if number == 0 else (room - budget) // max(1, len(groups) - 1)
            pieces, current = [], []
            for term in group.split("|"):
                if current and len("|".join(current + [term])) > share:
                    pieces.append("|".join(current))
                    current = []
                current.append(term)
            pieces.append("|".join(current))
            split.append(pieces)
    rules = [""]
    for pieces in split:
        rules = [r + ("; " if r else "") + piece for r in rules for piece in pieces]
    kind = "then" if ordered else "near"
    out = [f"{kind}({r}; {distance})" for r in rules]
    for rule in out:
        assert len(rule) <= 500, (len(rule), rule[:80])
    return out


def then(*parts):
    """then(...) rules: "takes … the money", not "the money. He takes"."""
    return near(*parts, ordered=True)


def W(text):
    """A word list written one term per line or separated by '|'."""
    return "|".join(t.strip() for t in re.split(r"[|\n]", text) if t.strip())


CHILD_W = {
    "en": W(
        "child|children|kid|kids|minor|minors|underage|teen|teens|teenager*|schoolgirl*|schoolboy*"
        "|young girl*|little girl*|girl of|boy of|{8-17} year old|{8-17} years old|{8-17} yo"
        "|{8-17} yr old|{8-17} y o|aged {8-17}|about {8-17}|like {8-17}|maybe {8-17}|looks {8-17}"
        "|looked {8-17}|she s {8-17}|shes {8-17}|he s {8-17}|is {8-17}|thirteen|fourteen|fifteen"
        "|sixteen|seventeen|twelve|year 9|year 10|year 11|high school|middle school|school uniform"
    ),
    "fr": W(
        "mineur*|enfant*|adolescent*|ado|ados|gamine*|fillette*|collegien*|lyceen*|jeune fille"
        "|{8-17} ans|douze ans|treize ans|quatorze ans|quinze ans|seize ans|dix sept ans"
    ),
    "es": W(
        "menor|menores|nina|ninas|nino|ninos|adolescente*|chamac*|colegiala*|de colegio|secundaria"
        "|nena|{8-17} anos|doce anos|trece anos|catorce anos|quince anos|dieciseis anos|jovencita*"
    ),
    "pt": W(
        "menor|menores|crianca*|adolescente*|menina|meninas|menino|meninos|novinha*|miuda*"
        "|rapariga*|{8-17} anos|doze anos|treze anos|catorze anos|quinze anos|dezesseis anos"
    ),
}
# Words of the sex trade itself: next to a child they are enough.
SEXTRADE_W = {
    "en": W(
        "prostitut*|escort*|pimp*|brothel*|sold for sex|sell sex|selling sex|sells sex|for sex"
        "|paid for sex|pay for sex|have sex with|made to have sex|sex with men|johns|punters"
        "|date truckers|tricks|incall*|outcall*|sex work*|commercial sex|men pay|men paid|men come"
        "|men visit|men visiting|line of men|men who went|men going in|men give her money"
        "|men gave her money|go with men|dates with men|books her|books them|runs girls|for rates"
        "|massage parlour|massage parlor|sugar daddy|selling content|onlyfans|fansly|hotel parties"
        "|parties with men|offered to men|offered to tourists|sex ad*|vivastreet*|adultwork"
        "|receives clients|entertains clients|entertain clients|servicing clients|service clients"
        "|being sold|girls being sold|new arrivals|being advertised|advertised for|on a listing"
        "|listing at|menus|dm for rates|per hr|$ # hr|hr incall*"
    ),
    "fr": W(
        "prostitu*|des passes|les passes|faire des passes|proxen*|mac|maquereau|escort*|bordel"
        "|maison close|michetons|trottoir|sexe tarife|services sexuels|rapports tarifes|tarifs"
        "|hommes differents|des hommes viennent|des hommes payent|des hommes paient|accompagner des clients"
        "|prete a des hommes|pretent a des hommes|les prete|la prete|nouvelles arrivees|dm pour tarifs"
        "|recoit des clients|recoivent des clients|recevoir des clients|recoit des hommes"
        "|recoivent des hommes|recevoir des hommes"
    ),
    "es": W(
        "prostitu*|explotacion sexual|proxenet*|chulo|padrote|burdel|prostibul*|prostibar*"
        "|casa de citas|servicios sexuales|escort*|acompanante*|prepago*|trabajo sexual"
        "|entra y sale gente|entran y salen|hombres distintos|hombres diferentes|packs"
        "|fiestas con senores|fiestas con adultos|con hombres por dinero|chicas nuevitas|nenas nuevas"
        "|recibe clientes|reciben clientes|recibe hombres|reciben hombres"
    ),
    "pt": W(
        "prostitu*|exploracao sexual|programa|programas|garota* de programa|cafet*|cafifa|bordel"
        "|prostibulo|casa de massagem|acompanhante*|trabalho sexual|homens diferentes|sexo|miche*"
        "|perfil de venda|novinhas|recebe clientes|recebem clientes|recebe homens|recebem homens"
    ),
}
# Money and buyers: a child "serving customers" or "asked for 300 euros" is not sold
# for sex; these count only with a word of sex, men or a night-time place close by.
MONEY_W = {
    "en": W(
        "clients|customers|dates|allowance|per hour|an hour|half hour|listing*|listed|advertis*"
        "|for money|paid|pays|pay|cash|sold|selling|rates|menu*|appointments|$ #|£ #|€ #"
        "|payment|bitcoin|btc|usdt|crypto"
    ),
    "fr": W(
        "clients|client|passe|passes|annonce*|contre de l argent|paient|payent|dispo|# euros|€ #|# €"
        "|paiement|bitcoin|en liquide"
    ),
    "es": W(
        "clientes|cliente|citas|venden|la venden|las venden|vende|ofrece a|ofrecen a|ofrecen"
        "|anuncio*|cobra*|pagan|por dinero|# euros|# pesos|# soles|$ #|efectivo"
    ),
    "pt": W(
        "clientes|cliente|oferece ela|oferece a|oferece as|vende|vendem|vendid*|anuncio*|anuncia"
        "|cobra*|pagam|por dinheiro|# reais|r #|# euros|dinheiro vivo"
    ),
}
SEXCTX_W = {
    "en": W(
        "men|older men|sex|sexual|hotel|hotels|motel|motels|parties|party|bedroom|truckers"
        "|tourists|pilgrims|foreigners|guys|massage|new in town|new to the area|fresh"
    ),
    "fr": W(
        "hommes|sexe|sexuel*|hotel|voitures|partys|fetes|soirees|touristes|coquin*|chaud*"
        "|nouvelle en ville|nouvelle a|nouvelles arrivees|toute jeune|nouvelles chaque"
    ),
    "es": W(
        "hombres|senores|sexo|sexual*|hotel|motel|fiestas|turistas|boliche|nueva en|nuevas en"
        "|recien llegada*|nuevita*"
    ),
    "pt": W(
        "homens|senhores|sexo|sexua*|hotel|motel|festas|turistas|camionistas|caminhoneiros|boate"
        "|nova na cidade|novas na cidade|recem chegada*|menina nova"
    ),
}
CHILD_MCS_W = {
    "en": CHILD_W["en"] + "|under 18|braces|high schoolers|was {8-17}|are {8-17}|were {8-17}",
    "fr": CHILD_W["fr"],
    "es": CHILD_W["es"],
    "pt": CHILD_W["pt"] + "|uniforme escolar",
}

PAIRS_AS_WORD_RULES = {"minor-commercial-sex", "dangerous-child-labour", "child-marriage"}
DANGER_W = {
    "en": W(
        "mine|mines|mining|quarry|quarries|brick kiln*|kiln*|construction site*|building site*"
        "|scaffold*|pesticide*|chemical*|acid|furnace*|machete*|chainsaw*|heavy load*|heavy sacks"
        "|heavy bags|heavy machinery|carry* bricks|carry* sacks|carry* cement|fishing boat*|diving"
        "|deep sea|tanner*|dump|dumps|landfill*|welding|fireworks|sewer*|no mask|no gloves"
        "|bare hands|without gloves|without a mask|without protection|mercury|asbestos|sugar cane"
        "|sugarcane|poison|spraying|medical waste|night shift*|power tools|sawmill|slaughterhouse"
    ),
    "fr": W(
        "mine|mines|minier*|carriere*|briqueterie*|four|fours|chantier*|echafaudage*|pesticide*"
        "|produits chimiques|acide*|machette*|tronconneuse*|charges lourdes|sacs lourds"
        "|sacs de ciment|briques|parpaings|bateau* de peche|plongee|tannerie*|decharge*|soudure"
        "|feux d artifice|egout*|sans gants|sans masque*|sans protection|orpaill*|mercure|amiante"
        "|puits"
    ),
    "es": W(
        "mina|minas|mineri*|mineros|cantera*|ladrillera*|horno*|obra*|construccion|andamio*"
        "|pesticida*|plaguicida*|agroquimico*|quimicos|acido*|machete*|motosierra*|cargas pesadas"
        "|ladrillos|sacos|bultos|cemento|barco* de pesca|buceo|curtiembre*|curtiduria*|basurero*"
        "|vertedero*|soldadura|fuegos artificiales|cohetes|pirotecni*|alcantarilla*|sin guantes"
        "|sin mascarilla*|sin proteccion|mercurio|cana de azucar|pozas"
    ),
    "pt": W(
        "mina|minas|mineracao|garimpo*|pedreira*|olaria*|carvoaria*|forno*|obra|obras|construcao"
        "|andaime*|agrotoxico*|pesticida*|produtos quimicos|acido*|facao|facoes|motosserra*"
        "|cargas pesadas|tijolos|sacos|cimento|barco* de pesca|mergulho|curtume*|lixao|lixoes"
        "|aterro*|solda|fogos de artificio|esgoto*|sem luvas|sem mascara*|sem protecao|canavia*"
        "|corte de cana|cortar cana|mercurio|veneno"
    ),
}
MARRIAGE_W = {
    "en": W("marry|marri*|bride*|wedding|husband|wife|engaged|betrothed|bride price|dowry"),
    # "dot" (dowry) only after an article: "example dot com" is an email address.
    "fr": W("marier|mari|mariee|mariees|marie|mariage|epous*|noces|fiance*|une dot|la dot|sa dot"),
    "es": W("casar*|casad*|caso|casaron|matrimonio|esposa|marido|boda|novia|dote"),
    "pt": W("casar*|casad*|casou|casamento|esposa|marido|noiva|dote|lobolo|alembamento"),
}
WED_TO_W = {
    "en": W(
        "married to|marry a|marry an|engaged to|getting married|be married|summer marriage*"
        "|temporary marriage*|as a wife|as his wife|bride price"
    ),
    "fr": W("pour la marier|la marier|le marier|mariee a|marie a|mariees a|promise en mariage"),
    "es": W("casada con|casarla con|casar con|casarse con|como esposa|la van a casar"),
    "pt": W("casada com|casar com|casamento com|como esposa|casamento dela"),
}
RULES = {
    "minor-commercial-sex": {
        lang: [
            near(CHILD_MCS_W[lang], SEXTRADE_W[lang], 30),
            near(CHILD_MCS_W[lang], MONEY_W[lang], SEXCTX_W[lang], 30),
        ]
        for lang in ("en", "fr", "es", "pt")
    },
    "dangerous-child-labour": {
        lang: [near(CHILD_W[lang], DANGER_W[lang], 12)] for lang in ("en", "fr", "es", "pt")
    },
    "child-marriage": {
        lang: [
            near(CHILD_W[lang], MARRIAGE_W[lang], 12),
            # Words that can only mean marrying someone off reach further.
            near(CHILD_W[lang], WED_TO_W[lang], 22),
        ]
        for lang in ("en", "fr", "es", "pt")
    },
    "false-job-or-study-offer": {
        "en": [
            # "offered", "offers", not the noun "an offer": a job offer someone got is news, not bait.
            near(
                W(
                    "promis*|offered|offering|offers|recruit*|lured|tricked|advertis*|scout*"
                    "|wanted|hiring|said she could|said he could|get her a|get him a|get me a|get her into"
                    "|came on|came for|came to|brought to|brought over|told them it was|told her it was"
                    "|told him it was|manager|find her a|find them a"
                ),
                W(
                    "job|jobs|work|working|employment|contract|scholarship*|study|studies|student visa"
                    "|school|college|course|university|visa|sponsorship|model*|casting|shoot|audition*"
                    "|au pair|nanny|maid|housekeeper|waitress|waiter|hostess*|dancer|care home|hotel"
                    "|restaurant|factory|cleaner|domestic|fast money|easy money|famous|£ #|$ #|€ #"
                ),
                5,
            ),
            # An agency alone is no bait ("we checked the agency, it is licensed"): a "job agency",
            # or an agency for the jobs traffickers advertise.
            near(W("agency|agencies|agent|agents"), W("job|jobs|work|employment|recruitment"), 1),
            near(
                W("agency|agencies|agent|agents"),
                W(
                    "model*|casting|au pair|hostess*|dancer*|waitress*|maid*|housekeeper*|nann*|abroad"
                    "|overseas|visa"
                ),
                4,
            ),
            near(
                W("modeling|modelling|talent"),
                W("shoot|tryout*|academy|agency|scout*|contract|job*|career|audition*|fast money"),
                2,
            ),
            near(
                W("jobs|job|work|employment"),
                W("abroad|overseas|in the gulf|in dubai|in europe"),
                2,
            ),
            near(
                W(
                    "travel paid|ticket paid|flight paid|free visa|visa and ticket|room and board"
                    "|travel and accommodation|accommodation provided"
                ),
                W("wanted|job*|work|girls|offer*"),
                8,
            ),
        ],
        "fr": [
            near(
                W(
                    "promis*|propos*|offr*|offert*|recrut*|fait croire|annonce*|agence*|pour des"
                    "|venue pour|venu pour|en lui disant|en leur disant|leur trouver|lui trouver|emmener"
                ),
                W(
                    "emploi*|travail|job|boulot|contrat*|poste|etude*|etudier|ecole|bourse*|formation"
                    "|stage|casting|mannequin*|serveuse|nounou|menage|au pair|hotesse*|danseuse|hotel"
                    "|restaurant|cueillette|saisonnier*|payant*|paye|€ #|# €|# euros"
                ),
                5,
            ),
        ],
        "es": [
            near(
                W(
                    "promet*|promesa*|ofrec*|reclut*|dijeron|enganad*|anuncio*|agencia*"
                    "|se necesit*|le dijeron|les dijeron|con la promesa|a trabajar|para trabajar"
                    "|oferta para|manager|representante"
                ),
                W(
                    "trabajo|trabajar|empleo|chamba|contrato|sueldo|estudiar|estudios|escuela|colegio"
                    "|beca*|instituto|modelo*|modelaje|casting|mesera*|camarera*|ninera|empleada|au pair"
                    "|edecan*|hotel|restaurante|bar|maquila|fabrica|pasaje|billete pagado|€ #|# €"
                ),
                5,
            ),
        ],
        "pt": [
            near(
                W(
                    "promess*|prometer*|prometid*|prometeu|oferec*|recrut*|anuncio*|agencia*"
                    "|enganad*|dizendo que|chama meninas|chama"
                ),
                W(
                    "emprego|trabalho|trabalhar|contrato|salario|carteira assinada|estudar|estudos|escola"
                    "|bolsa|curso|modelo*|casting|baba|empregada|garconete|au pair|hotel|restaurante"
                    "|clipe|cache|autorizacao de residencia|madrassa|viagem"
                ),
                5,
            ),
        ],
    },
    "online-grooming-sextortion": {
        "en": [
            near(
                W("pic|pics|photo*|picture*|video*|image*|selfie*|nudes|measurements"),
                W(
                    "nude*|naked|no top|top off|no clothes|without clothes|her clothes|his clothes|bikini"
                    "|underwear|lingerie|pj|pjs|pyjamas|bedroom|topless|shirtless|full body|body|intimate"
                    "|sexy|explicit|in bed"
                ),
                6,
            ),
            near(
                W("or he|or she|or they|or we|or else|unless|otherwise|threaten*|threat*|demand*"),
                W("post*|share*|send them|sends them|send it|sends it|leak*|publish*|show*|spread"),
                4,
            ),
            near(W("record*|screenshot*"), W("video call|videocall|webcam|cam|facetime"), 3),
            near(
                W("keep*|delete*|not to tell|not tell|don t tell"),
                W(
                    "secret|between them|between us|the chats|chats|messages|mum|mom|parents|her mom"
                    "|her mum"
                ),
                3,
            ),
            near(
                W("robux|vbucks|v bucks|gift card*|game credit*|allowance"),
                W("pic*|photo*|video*|send|girls|any age|asked"),
                10,
            ),
            near(
                W("loves her|loves him|love you|his girlfriend|says he loves|in love"),
                W(
                    "message*|messaging|chat*|online|snap*|tiktok|insta*|ig|facebook|whatsapp|kik"
                    "|discord|roblox|dm*|texts"
                ),
                12,
            ),
        ],
        "fr": [
            near(
                W("photo*|video*|image*|filmer|se filmer|nude*"),
                W(
                    "nue*|nu|torse nu|sous vetements|calecon|intime*|sans vetements|deshabill*|maillot"
                    "|sexy|lingerie"
                ),
                5,
            ),
            near(
                W("sinon|menace*|faute de quoi|ou il|ou elle|ou ils|ou on"),
                W("publi*|diffus*|envoi*|montr*|partag*"),
                4,
            ),
            near(
                W("garder|garde|gardez|effacer|supprimer"),
                W("entre eux|secret|entre nous|messages"),
                3,
            ),
            near(
                W("photos de toi|video de toi|photos d elle|photos de lui|photos de"),
                W("paie*|payer|bitcoin|argent|€ #|# €|# euros"),
                8,
            ),
        ],
        "es": [
            near(
                W("foto*|video*|imagen*|imagenes"),
                W(
                    "desnud*|sin ropa|intima*|banador|ropa interior|calzones|sexy|sin camisa|en toalla"
                ),
                5,
            ),
            near(
                W("si no|o si no|amenaz*|sino|o le|o los|o las|o mandan|o sube"),
                W("sub*|publica*|manda*|envia*|difund*|ensena*|contar*|cuenta"),
                4,
            ),
            near(W("grab*"), W("videollamada|video llamada|camara"), 4),
            near(W("robux|recargas|tarjetas de regalo|pavos"), W("foto*|video*|manda|pide"), 10),
        ],
        "pt": [
            near(
                W("foto*|video*|imagem*|imagens"),
                W(
                    "nu|nua|nus|nuas|pelad*|sem roupa|sem camisa|intima*|biquini|calcinha|cueca|corpo"
                ),
                5,
            ),
            near(
                W("senao|se nao|ameac*|ou entao"),
                W("public*|manda*|envia*|divulg*|mostr*|contar|conta"),
                5,
            ),
            near(W("videochamada|video chamada"), W("grav*|pedem|ameac*|exig*|publicam"), 6),
            near(W("robux|recargas|cartoes presente"), W("foto*|video*|manda*|pediu"), 10),
        ],
    },
    "frequent-moves": {
        "en": [
            near(
                W(
                    "moved|moves|moving|move them|shipped|rotated|rotate*|swapped|taken|travel*|driven"
                    "|hitting|brought"
                ),
                W(
                    "between|around|round|city to city|town to town|every week|every few|each week"
                    "|different city|different town|different hotel|cities|towns|hotels|motels|spas"
                ),
                6,
            ),
            near(W("different|other"), W("city|cities|town|towns|hotel|hotels|motel|motels"), 1),
            near(
                W(
                    "city to city|town to town|hotel to hotel|place to place|lots of cities|new every"
                ),
                0,
            ),
            near(
                W("come and go|new faces|new ones|new girls|swapped out|just arrived"),
                W("every|each|week|weeks|weekly|fortnight|days"),
                4,
            ),
        ],
        "fr": [
            near(
                W(
                    "de ville en ville|d une ville a l autre|d hotel en hotel|change* de ville"
                    "|toujours des nouvelles|nouvelles chaque"
                ),
                0,
            ),
            # "ils la promènent", "on les déplace": moved by others ("elle se déplace" is her own).
            near(W("la|les|l|le"), W("promen*|deplac*|trimbal*|balad*|transfer*"), 0),
            near(W("tourn*|circul*|bouge*"), W("entre|de ville|d une ville"), 1),
            near(W("hier"), W("avant hier|la veille|avant"), 8),
        ],
        "es": [
            near(
                W(
                    "de ciudad en ciudad|de un sitio a otro|de un lugar a otro|de hotel en hotel|las rotan"
                    "|los rotan|rotan|las mueven|los mueven|trasladan|cambian cada|son otras|son otros"
                    "|nunca se quedan|nuevas cada"
                ),
                0,
            ),
            near(W("manda*|lleva*"), W("luego a|despues a"), 6),
        ],
        "pt": [
            near(
                W(
                    "de cidade em cidade|mudam de cidade|rodando|levadas de|levados de|nunca ficam"
                    "|novas todas|de um sitio para outro|de uma cidade|entre as cidades"
                ),
                0,
            ),
        ],
    },
    "third-party-control": {
        "en": [
            then(
                W("answer*|speak*|spoke|talk*|respond*|cut in|interrupt*|did all"),
                W(
                    "for her|for him|for them|for the girl|for the boy|the talking|her questions"
                    "|for both"
                ),
                6,
            ),
            # "The aunt cut in whenever I asked her anything."
            then(
                W("cut in|cuts in|cutting in|interrupt*|talks over|talked over|spoke over"),
                W("whenever|every time|each time|when i asked|when we asked|when anyone"),
                2,
            ),
            # "Boss has his phone": someone else holds it ("she has her phone" is her own).
            then(
                W("boss|owner|manager|pimp|man|woman|aunt|uncle|boyfriend|driver|he|she|they"),
                W("has|holds|keeps|kept|had|took"),
                W("her phone|his phone|their phone*|her mobile|his mobile|hers|theirs"),
                0,
            ),
            then(
                W("takes|took|collect*|keeps|kept|snatch*|holds|take|taking|pockets"),
                W(
                    "the money|the coins|the cash|earnings|wages|every penny|everything they|all the"
                    "|the paper cup|the cup|her phone|his phone|their phone*|her money|his money"
                    "|their money|payment|what they"
                ),
                3,
            ),
            then(
                W("hand*|run|runs|bring*|give|gives|turn over|pass*"),
                W("the money|the coins|the cash|the cup|the paper cup|the takings|everything"),
                3,
            ),
            then(
                W(
                    "books her|books them|books their|books the|manager takes|collects cash"
                    "|collected cash|isn t allowed to have a phone|not allowed a phone"
                ),
                0,
            ),
        ],
        "fr": [
            then(
                W("repond*|parle*|c est lui qui|c est elle qui"),
                W("a sa place|pour elle|pour lui|pour eux|a leur place|toutes les questions"),
                4,
            ),
            then(
                W(
                    "prend|prennent|garde|gardent|recupere*|ramasse*|confisqu*|a pris|lui a pris|a son"
                    "|encaisse*"
                ),
                W(
                    "argent|telephone*|portable|gsm|recette|pieces|tout l argent|tout ce qu|salaire"
                    "|gains"
                ),
                3,
            ),
            # "Le mec attendait dans la voiture et encaissait."
            then(W("encaiss*"), 0),
        ],
        "es": [
            then(
                W("contesta*|responde*|habla*"),
                W("por ella|por el|por ellos|por ellas|todas las preguntas"),
                4,
            ),
            then(
                W(
                    "quita*|guarda*|se queda con|se quedan con|recoge*|cobra*|maneja*|retiene*|confisca*"
                    "|pasa a recoger"
                ),
                W("celular*|telefono*|plata|dinero|lo que|todo lo que|ganancias|sueldo|su paga"),
                4,
            ),
            # "Alguien la maneja": someone runs her.
            then(W("la maneja|las maneja|los maneja|la controla|las controla|la administra"), 0),
        ],
        "pt": [
            then(W("responde*|fala*"), W("por ela|por ele|por eles|por elas"), 3),
            then(
                W(
                    "fica com|ficam com|ficar com|guarda*|tira*|tiraram|recolhe*|entregar|entrega*"
                    "|confisca*"
                ),
                W("dinheiro|telemovel|telefone|celular|tudo|o que ganham|salario"),
                4,
            ),
        ],
    },
}

# A gift handed to someone ("bought her", "lui offre", "le regala", "lhe deu") close to a
# gift, with an adult man in view.
GIFT_VERB_W = {
    "en": W(
        "buys her|bought her|buying her|buys him|bought him|gives her|gave her|giving her"
        "|gives him|gave him|giving him|sends her|sent her|sending her|paid for her|pays for her"
        "|paying for her|showers her|treats her|offering|offered her|getting gifts|got gifts"
        "|gifts from|gifts off|got a new|keeps buying|been buying|been giving|gives them|gave them"
        "|giving them|buys them|bought them"
    ),
    "fr": W(
        "lui offre|lui offrait|lui a offert|lui achete|lui achetait|lui a achete|lui donne"
        "|lui donnait|lui a donne|lui paye|lui paie|lui payait|lui envoie|lui a envoye|leur offre"
        "|leur donne|leur achete|reviennent avec|revient avec|offre des|offrait des|offrent des"
    ),
    "es": W(
        "le regala|le regalaba|le regalo|le ha regalado|le compra|le compraba|le compro"
        "|le ha comprado|le da|le daba|le dio|le paga|le pagaba|le manda|le envia|les regala"
        "|les compra|les da"
    ),
    "pt": W(
        # Not a bare "da": it is also "of the" ("homem da igreja").
        "lhe da|lhe dava|lhe deu|da dinheiro|da presentes|da roupa|deu|dava|compra|comprou|comprava|oferece|oferecem|ofereceu"
        "|presenteia|presenteou|ganhou|manda|mandou|lhe oferece|lhe ofereceu"
    ),
}
GIFT_W = {
    "en": W(
        "gift*|present*|phone*|iphone*|ipad*|clothes|jewel*|vape*|trainers|sneakers|shoes|nails"
        "|designer*|handbag*|bag|money|cash|$|allowance|top up*|alcohol|weed|perfume*|makeup"
        "|things|stuff"
    ),
    "fr": W(
        "cadeau*|telephone*|portable*|cellulaire*|iphone*|vetements|habits|bijoux|argent"
        "|chaussures|baskets|sac|sacs|ongles|cartes cadeaux|parfum*"
    ),
    "es": W(
        "regalo*|telefono*|celular*|movil*|iphone*|ropa|joyas|dinero|plata|zapatos|tenis"
        "|zapatillas|unas|perfume*|recargas|saldo"
    ),
    "pt": W(
        "presente*|prenda*|celular*|telemove*|telefone*|iphone*|roupa*|joias|dinheiro|tenis"
        "|sapatos|unhas|perfume*"
    ),
}
ADULT_MAN_W = {
    "en": W(
        "man|men|guy|bloke|dude|boyfriend|stepdad*|uncle|older|adult|grown|he s {18-70}"
        "|hes {18-70}|who s {18-70}|{18-70} yo|{18-70} year old|in his|something|sugar*"
        "|talent scout|stranger|driver"
    ),
    "fr": W(
        "homme|hommes|copain|petit ami|mec|gars|chum|monsieur|adulte|plus age|plus vieux"
        "|{18-70} ans|papy|amoureux"
    ),
    "es": W("novio|hombre|hombres|senor|tipo|adulto|mayor|policia|{18-70} anos"),
    "pt": W("namorado|homem|homens|senhor|cara|adulto|mais velho*|amigo|{18-70} anos"),
}
RULES["older-boyfriend-gifts"] = {
    lang: [near(GIFT_VERB_W[lang], GIFT_W[lang], ADULT_MAN_W[lang], 20)]
    for lang in ("en", "fr", "es", "pt")
}

# Sleeping or living (group 1) in or at a place of work (group 2).
RULES["lives-at-workplace"] = {
    "en": [
        near(
            W(
                "lives|live|living|lived|sleeps|sleep|sleeping|slept|bed|beds|housed|bunk*"
                "|mattress*|stays overnight|stay overnight"
            ),
            W(
                "farm|farms|ranch|shed|barn|container*|property|premises|nightclub|club|shop"
                "|store|stockroom|storeroom|back room|backroom|kitchen|restaurant|salon|factory"
                "|workshop|warehouse|basement|cellar|truck|trucks|orchard*|greenhouse*|nail bar"
                "|car wash|carwash|brothel|spa|massage parlour|massage parlor|workplace|site|kiln*"
                "|bakery|laundry|boat|boats"
            ),
            4,
        ),
        near(
            W(
                "live in maid|live in worker|live in nanny|lives with the family|lives with them"
                "|lives with her employer*|lives with his employer*|lives with their employer*"
                "|lives with the employer*|live with the employer*"
            ),
            0,
        ),
    ],
    "fr": [
        near(
            W("dort|dorment|dormait|dormaient|logee*|loge|logent|vit|vivent|habite*|couche*"),
            W(
                "sur le site|sur place|chez l employeur|chez le patron|chez la patronne|buanderie"
                "|atelier|cuisine|magasin|reserve|chantier|boutique|restaurant|salon|usine|ferme"
                "|entrepot|cave|arriere boutique|local|garage|bateau"
            ),
            4,
        ),
        near(W("logee nourrie|loges nourris|logee et nourrie|logees chez|loges chez"), 0),
    ],
    "es": [
        near(
            W("duerme|duermen|dormia|dormian|vive|viven|vivia|vivian|chozas|se quedan|cama"),
            W(
                "ahi mismo|alli mismo|junto a los|en el taller|en la fabrica|en la obra|en el local"
                "|en la finca|en la tienda|en la cocina|en el bar|en la bodega|en el almacen"
                "|en el trabajo|en el restaurante|en el campamento|en el galpon|en la ladrillera"
            ),
            3,
        ),
        near(W("empleada de planta|empleada puertas adentro|cama adentro|puertas adentro"), 0),
    ],
    "pt": [
        near(
            W("dorme|dormem|dormia|dormiam|a dormir|mora|moram|morava|vive|vivem|alojad*"),
            W(
                "por cima do|por cima da|armazem|area de servico|quarto dos fundos|canteiro"
                "|alojamento do|no local|na obra|na loja|na fazenda|no cafe|no restaurante|la"
                "|na oficina|na fabrica|no deposito|no trabalho|na cozinha|na boate"
            ),
            3,
        ),
        near(W("empregada interna|empregadas internas|empregada que dorme"), 0),
    ],
}

# A tattoo (group 1) that marks ownership (group 2): a name, initials, a crown, a barcode,
# or the same tattoo on several people.
RULES["physical-abuse-branding"] = {
    "en": [
        near(
            W("tattoo*"),
            W(
                "name|names|initial*|barcode|bar code|crown|daddy|brand*|property|king|dollar"
                "|same|matching|identical|letter|letters|owned"
            ),
            8,
        ),
    ],
    "fr": [
        near(
            W("tatou*"),
            W(
                "nom|initiales|code barre|code barres|couronne|propriete|meme|memes|identique*|lettres"
            ),
            6,
        ),
    ],
    "es": [
        near(
            W("tatua*"),
            W("nombre|iniciales|codigo de barras|corona|propiedad|mismo|misma|iguales|letras"),
            6,
        ),
    ],
    "pt": [
        near(
            W("tatua*"),
            W("nome|iniciais|codigo de barras|coroa|propriedade|igual|iguais|mesma|mesmo|letras"),
            6,
        ),
    ],
}

# A child (group 1) begging or selling small things on the street (group 2) for someone who
# brings them, watches them or takes the money (group 3).
BEG_W = {
    "en": W(
        "beg|begs|begging|beggar*|asking for money|asking for coins|asking for change"
        "|holding a sign|donation*|collecting money|selling tissues|selling flowers|selling roses"
        "|selling magazines|selling candy|selling sweets|selling gum|selling the|sell tissues"
        "|sell flowers|sell roses|sell candy|sell sweets"
    ),
    "fr": W("mendi*|la manche|vend des|vendent des|vendre des|vend de l|vendent de l|talibe*"),
    "es": W(
        "limosna|pedir|piden|pidiendo|vende panuelos|venden panuelos|vendiendo panuelos"
        "|vende dulces|venden dulces|vendiendo dulces|vende chicles|venden chicles|vende flores"
        "|venden flores|vende caramelos|venden caramelos"
    ),
    "pt": W(
        "esmola|pedir|pedem|pedindo|vende bala|vendem bala|vendendo bala|vende balas|vendem balas"
        "|vende doces|vendem doces|vendendo doces|vende flores|vendem flores|vende panos|vendem panos"
    ),
}
BEG_CONTROL_W = {
    "en": W(
        "takes|took|take|snatch*|collects|collected|drops|dropped|picks them up|brought|brings"
        "|van|quota|must bring|have to make|has to make|boss|watches|watching|waits nearby"
        "|forced|made to|sent|every penny|keep working|beaten|hands him|hand him|run the coins"
    ),
    "fr": W(
        "prend|prennent|garde|gardent|depose|deposent|ramener|rapporter|marabout|sinon|force*"
        "|oblige*|recupere*|tout l argent|surveille*|battus|tantie"
    ),
    "es": W(
        "quita|quitan|recoge|recogen|la deja|lo deja|los deja|las deja|vigila|vigilan|revisa"
        "|manda|mandan|trae|traen|obliga*|entregar|todo el dinero|sin plata|cuota"
    ),
    "pt": W(
        "obriga*|entregar|entregam|trouxe|traz|pega|recolhe|leva|vigia|todo o dinheiro|busca|deixa"
    ),
}
CHILD_BEG_W = {
    "en": CHILD_W["en"] + "|little ones|toddler*|babies|lad|lads",
    "fr": CHILD_W["fr"] + "|gamin|gamins|petites filles|petits garcons|talibe*",
    "es": CHILD_W["es"] + "|nenes|chicos|chica|chico",
    "pt": CHILD_W["pt"] + "|miudos|garotos",
}
RULES["forced-begging"] = {
    lang: [near(CHILD_BEG_W[lang], BEG_W[lang], BEG_CONTROL_W[lang], 25)]
    for lang in ("en", "fr", "es", "pt")
}

# New arrivals and young looks, as adverts put them; "looks 14" next to an advert or an age
# the person claims.
LOOKS_AGE_W = {
    "en": W(
        "looks {10-17}|look {10-17}|looked {10-17}|looks about {10-17}|look about {10-17}"
        "|looked about {10-17}|looks like {10-17}|look like teenagers|looks like a kid"
        "|look like a kid|looks like a child|be more than {10-17}|be older than {10-17}"
        "|older than {10-17}|looks about thirteen|looks about fourteen|looks about fifteen"
    ),
    "fr": W(
        "air d avoir {10-17} ans|air d adolescentes|air d une enfant|pas plus de {10-17} ans"
        "|air d avoir quatorze ans|air d avoir quinze ans|air d avoir treize ans"
    ),
    "es": W(
        "aparenta* {10-17}|parece* de {10-17}|tener mas de {10-17}|se ven de {10-17}"
        "|aparentan {10-17} anos|carita de nina|cara de nina"
    ),
    "pt": W(
        "parece* ter {10-17}|aparenta* {10-17}|nem {10-17} anos|cara de miuda|cara de crianca"
        "|carinha de"
    ),
}
AD_W = {
    "en": W(
        "ad|ads|advert*|card|listing|listed|profile|says|said|claims|claimed|18|19|20|makeup"
        "|photos|pics|website"
    ),
    "fr": W("annonce*|carte|photo|photos|site|profil|dit|disent|18|19|maquill*"),
    "es": W("anuncio*|foto|fotos|perfil|dice|dicen|18|19|pagina|maquill*"),
    "pt": W("anuncio*|foto|fotos|perfil|diz|dizem|18|19|pagina|maquiag*"),
}
NEW_W = {
    "en": W("new|fresh|just arrived|new arrivals|newly arrived|arriving|arrived"),
    "fr": W("nouvelle|nouvelles|nouvelles arrivees|arrivent|arrivee|arrivees|vient d arriver"),
    "es": W("nueva|nuevas|recien llegada*|llegan|acaban de llegar"),
    "pt": W("nova|novas|recem chegada*|chegam|acabaram de chegar|chegando"),
}
YOUNG_W = {
    "en": W("young|very young|petite|teen|teens|teenagers|barely legal"),
    "fr": W("jeune|jeunes|toute jeune|tres jeunes|jeunes filles"),
    "es": W("joven|jovenes|jovencita*|chiquita*"),
    "pt": W("jovem|jovens|novinha*"),
}
RULES["new-in-town-young-looking"] = {
    lang: [
        near(LOOKS_AGE_W[lang], AD_W[lang], 15),
        near(NEW_W[lang], YOUNG_W[lang], 3),
        near(
            W(
                {
                    "en": "fresh off|new every week|new girls every|new faces every",
                    "fr": "toujours des nouvelles|nouvelles chaque semaine",
                    "es": "nuevas cada semana|chicas nuevas",
                    "pt": "novas todas as semanas|novas toda semana",
                }[lang]
            ),
            0,
        ),
    ]
    for lang in ("en", "fr", "es", "pt")
}

# The same words from everyone, or the same words again and again, "as if rehearsed".
RULES["scripted-answers"] = {
    "en": [
        near(
            W("same|identical|word perfect|exact same"),
            W("story|stories|answer|answers|words|thing|lines|phrase*|script"),
            2,
        ),
        then(
            W("repeat*|recite*|kept saying|keeps saying|kept repeating|keeps repeating"),
            W("times|over and over|again and again|same|even when"),
            8,
        ),
        then(W("all"), W("answer*|said|say|gave"), W("same|exactly|eighteen|nineteen|18|19"), 4),
    ],
    "fr": [
        near(W("memes|meme"), W("mots|phrases|reponses|histoire|paroles|discours"), 1),
        near(W("comme apprise|comme appris|comme une lecon|comme recite*|comme un robot"), 0),
    ],
    "es": [
        then(
            W(
                "dicen|dijeron|dice|dijo|repite*|repetia*|responden|respondieron|contestan"
                "|contestaron"
            ),
            W("lo mismo|la misma frase|las mismas palabras|la misma historia"),
            3,
        ),
        near(W("como ensayad*|como aprendid*|como si se lo hubieran|como si lo hubiera"), 0),
    ],
    "pt": [
        then(
            W("responde*|disse*|dizem|repete*|repetia*|falam|falaram"),
            W("mesma coisa|mesmas palavras|mesma historia|mesma resposta|mesma frase"),
            3,
        ),
        near(W("como ensaiad*|como decorad*|como se tivesse decorado"), 0),
    ],
}

# Someone named (group 1) has (group 2) their (group 3) papers (group 4): "the foreman has all
# their ID cards", "la dame a son passeport", "el patrón tiene sus documentos".
RULES["confiscated-documents"] = {
    "en": [
        then(
            W("boss|foreman|owner|manager|uncle|aunt|employer|madam|family|agent|pimp|landlord"),
            W("has|have|had|keeps|kept|holds|held"),
            W("all their|all the|their|his|her|the"),
            W(
                "passport*|id|ids|id card*|identity card*|papers|documents|visa*|birth certificate*"
                "|permit*|study permit|work permit"
            ),
            1,
        ),
    ],
    "fr": [
        then(
            W("dame|patron|patronne|employeur|oncle|tante|famille|chef|proxenete|madame"),
            W("a|avait|garde|gardait|detient"),
            W("son|sa|ses|leur|leurs|les|tous les"),
            W("passeport*|papiers|documents|carte d identite|cartes d identite|titre de sejour"),
            1,
        ),
    ],
    "es": [
        then(
            W("patron|patrona|jefe|jefa|dueno|duena|encargado|encargada|tio|tia|familia"),
            W("tiene|tenia|guarda|guardaba"),
            W("su|sus|los|las|todos los"),
            W("pasaporte*|documentos|papeles|dni|cedula*|identificacion"),
            1,
        ),
    ],
    "pt": [
        then(
            W("patrao|patroa|chefe|dono|dona|encarregado|encarregada|tio|tia|familia"),
            W("tem|tinha|guarda|guardava|fica com|ficou com"),
            W("o|os|a|as|seu|sua|seus|suas|todos os"),
            W("passaporte*|documentos|bilhete de identidade|bi|rg|papeis"),
            1,
        ),
    ],
}

# Long-gap regular expressions are slow and the word rules above cover them.
for entry in INDICATORS:
    for lang in entry["patterns"]:
        entry["patterns"][lang] = [
            p
            for p in entry["patterns"][lang]
            if FAR not in p
            and not (
                entry["code"] in PAIRS_AS_WORD_RULES
                and len(p) > 200
                and (S in p or W5 in p or W7 in p or "{0,6}" in p)
            )
        ]

for code, by_language in RULES.items():
    entry = next(e for e in INDICATORS if e["code"] == code)
    for lang, rules in by_language.items():
        for rule in rules:
            entry["patterns"].setdefault(lang, []).extend(rule)

for entry in INDICATORS:
    for lang, patterns in entry["patterns"].items():
        for p in patterns:
            if p.startswith("near("):
                continue
            re.compile(p)
            assert len(p) <= 500, (entry["code"], lang, len(p), p[:60])

data = {
    "version": 1,
    "note": "Shipped catalogue: 16 indicators from ILO, Polaris, UNODC, US DHS Blue Campaign and "
    "IOM HTCDS; patterns in English, French, Spanish and Portuguese.",
    "indicators": INDICATORS,
}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
print(len(INDICATORS), "indicators")

"""What staff and citizens write back in the demo: answers, questions, reasons, ratings, templates.

Answers are looked up by (category, case type), then by category (for complaints and requests), then by
case type. Placeholders: {road}, {block}, {area}.
"""

from __future__ import annotations

Texts = dict[str, list[str]]  # language -> texts

CATEGORY_ANSWERS: dict[str, Texts] = {
    "traffic_safety": {
        "ar": [
            "تمت دراسة الموقع من قبل إدارة هندسة المرور، وتقرر تركيب لوحات تحديد السرعة وتكثيف الرقابة "
            "المرورية في أوقات الذروة، وسيتم إدراج المطبات ضمن خطة الصيانة القادمة."
        ],
        "en": [
            "Traffic engineering inspected the location. Speed-limit signs will be installed and "
            "enforcement increased at peak times; traffic calming is included in the next works plan."
        ],
    },
    "public_order": {
        "ar": [
            "تم توجيه الدورية إلى الموقع وتحرير مخالفة للمخالفين وإبلاغهم بضرورة الالتزام بالهدوء، "
            "وسيتم متابعة الموقع خلال الأسابيع القادمة. في حال تكرر الإزعاج يرجى الاتصال على 999."
        ],
        "en": [
            "A patrol visited the address and the occupants were warned and fined. The area will be "
            "monitored over the coming weeks; if the noise returns please call 999 at the time."
        ],
    },
    "theft_vandalism": {
        "ar": [
            "تم تسجيل البلاغ لدى مركز الشرطة المختص وإحالته للتحري، وتم تكثيف الدوريات في المنطقة. "
            "نرجو مراجعة المركز لاستكمال الإفادة وتسليم أي تسجيلات متوفرة."
        ],
        "en": [
            "Your report has been registered with the local police station and passed to investigators; "
            "patrols in the area have been increased. Please visit the station to complete your statement."
        ],
    },
    "patrol_request": {
        "ar": [
            "تمت الموافقة على إدراج المجمع ضمن خط سير الدوريات الليلية، ونشكر تعاونكم ونرجو الإبلاغ الفوري "
            "عن أي نشاط مشبوه على الرقم 999."
        ],
        "en": [
            "Your block has been added to the night patrol route. Thank you for your cooperation; please "
            "report anything suspicious straight away on 999."
        ],
    },
    "suspicious_activity": {
        "ar": [
            "تمت معاينة الموقع من قبل الدورية المختصة واتخاذ الإجراءات القانونية، وتم التنسيق مع البلدية "
            "لإغلاق مداخل المبنى المهجور ورفع المركبة."
        ],
        "en": [
            "A patrol inspected the site and took the necessary legal action. The municipality has been "
            "asked to seal the building's entrances and remove the abandoned vehicle."
        ],
    },
    "roads_paving": {
        "ar": [
            "تمت معاينة الموقع في مجمع {block} وإصلاح الحفرة وإعادة رصف الجزء المتضرر من الشارع. نشكركم "
            "على تعاونكم.",
            "تم إدراج الشارع ضمن برنامج إعادة الرصف للربع القادم، وتم عمل إصلاح مؤقت للحفر لضمان السلامة.",
        ],
        "en": [
            "The site in Block {block} was inspected; the pothole has been repaired and the damaged section "
            "resurfaced. Thank you for letting us know."
        ],
    },
    "street_lighting": {
        "ar": [
            "تم إصلاح أعمدة الإنارة في شارع {road} بمجمع {block} واستبدال الوحدات التالفة، والإنارة تعمل "
            "الآن بشكل طبيعي.",
            "تمت معاينة العمود المتضرر وإزالته وتركيب عمود جديد وتأمين الأسلاك المكشوفة.",
        ],
        "en": [
            "The street lights on Road {road}, Block {block} have been repaired and the faulty units "
            "replaced. They are working normally again."
        ],
    },
    "sewage_drainage": {
        "ar": [
            "تم شفط المياه وتنظيف خط الصرف المسدود في مجمع {block}، وسيتم فحص الشبكة بالكاميرا للتأكد من "
            "عدم وجود كسور."
        ],
        "en": [
            "The standing water was pumped out and the blocked line in Block {block} cleared. The network "
            "will be surveyed by camera to check for breaks."
        ],
    },
    "electricity_water": {
        "ar": [
            "تم تحديد سبب الانقطاع في كابل التغذية واستبداله، ونعتذر عن الإزعاج. في حال تكرر الانقطاع يرجى "
            "الاتصال بمركز الطوارئ 17515555.",
            "تم فحص العداد وتبين أنه يعمل بشكل سليم، وتم شرح تفاصيل الاستهلاك للمشترك ومنحه خيار التقسيط.",
        ],
        "en": [
            "The fault was traced to a damaged feeder cable, which has been replaced. We apologise for the "
            "inconvenience; if it happens again please call the emergency centre on 17515555."
        ],
    },
    "waste_cleanliness": {
        "ar": [
            "تم توجيه شركة النظافة لرفع المخلفات من الموقع وتنظيفه، وتمت إضافة حاوية جديدة في مجمع {block} "
            "وتعديل جدول الجمع ليشمل يوم السبت."
        ],
        "en": [
            "The cleaning contractor has cleared the site. An extra bin has been placed in Block {block} "
            "and Saturday has been added to the collection schedule."
        ],
    },
    "parks_public_spaces": {
        "ar": [
            "تمت صيانة الألعاب واستبدال التالف منها، وسيتم إدراج التظليل ضمن مشاريع تطوير الحدائق في "
            "الميزانية القادمة."
        ],
        "en": [
            "The play equipment has been repaired and broken parts replaced. Shading is included in next "
            "year's park improvement budget."
        ],
    },
    "housing": {
        "ar": [
            "تم توجيه فريق الصيانة لمعاينة الوحدة السكنية، وتم إلزام المقاول بإصلاح التشققات والتسربات "
            "ضمن فترة الضمان."
        ],
        "en": [
            "A maintenance team inspected the unit and the contractor has been instructed to repair the "
            "cracks within the warranty period."
        ],
    },
    "health_services": {
        "ar": [
            "تمت مخاطبة إدارة المركز الصحي وإضافة طبيب في الفترة المسائية وتوفير مقاعد إضافية في صالة "
            "الانتظار. نعتذر عن الإزعاج."
        ],
        "en": [
            "The health centre has added an evening doctor and more seats in the waiting area. We apologise "
            "for the long wait."
        ],
    },
    "education_services": {
        "ar": [
            "تمت مخاطبة إدارة المدرسة وشركة النقل المدرسي، وتم تعديل خط سير الحافلة لضمان وصول الطلبة قبل "
            "بدء الطابور الصباحي."
        ],
        "en": [
            "The school and the transport operator have been contacted and the bus route changed so "
            "pupils arrive before the morning assembly."
        ],
    },
    "public_transport": {
        "ar": [
            "تمت دراسة الطلب وإدراج المحطة ضمن مشروع تركيب المظلات للمرحلة القادمة، وتم تنبيه المشغل إلى "
            "ضرورة الالتزام بالمواعيد."
        ],
        "en": [
            "The operator has been reminded to keep to the timetable, and the stop is included in the next "
            "phase of the shelter programme."
        ],
    },
    "eservices_documents": {
        "ar": [
            "تمت معالجة المشكلة التقنية في حسابكم ويمكنكم الدخول الآن. وفي حال الخصم المكرر سيُعاد المبلغ "
            "إلى حسابكم خلال ٧ أيام عمل."
        ],
        "en": [
            "The technical problem with your account has been fixed and you can sign in again. Any double "
            "payment will be refunded within 7 working days."
        ],
    },
    "social_assistance": {
        "ar": [
            "تمت دراسة حالتكم من قبل الباحث الاجتماعي، وتمت الموافقة على صرف المساعدة اعتباراً من الشهر "
            "القادم. يرجى تحديث بياناتكم سنوياً."
        ],
        "en": [
            "A social researcher has reviewed your case and the assistance will be paid from next month. "
            "Please update your details every year."
        ],
    },
    "elderly_disability_care": {
        "ar": [
            "تم تنسيق زيارة منزلية من فريق الرعاية المنزلية، وتم توفير سرير طبي وكرسي متحرك على سبيل الإعارة."
        ],
        "en": [
            "The home care team has arranged a visit, and a medical bed and wheelchair have been lent to "
            "the family."
        ],
    },
    "family_community_programs": {
        "ar": [
            "نشكركم على اهتمامكم، وسيتم الإعلان عن البرنامج وطريقة التسجيل عبر حسابات المحافظة وتطبيقها "
            "خلال الأسبوعين القادمين."
        ],
        "en": [
            "Thank you for your interest. The programme and how to register will be announced on the "
            "governorate's accounts and app within two weeks."
        ],
    },
    "youth_employment": {
        "ar": [
            "تم تحديث ملفكم في نظام التوظيف وترشيحكم لثلاث فرص تتناسب مع تخصصكم، وسيتم التواصل معكم "
            "لتحديد مواعيد المقابلات."
        ],
        "en": [
            "Your file has been updated and you have been put forward for three openings that match your "
            "qualifications; you will be contacted for interviews."
        ],
    },
    "home_repair": {
        "ar": [
            "تمت معاينة المنزل من قبل مهندس المحافظة، وتم إدراجه ضمن المرحلة القادمة من مشروع ترميم منازل "
            "الأسر المحتاجة، وسيتم التواصل معكم قبل بدء الأعمال.",
        ],
        "en": [
            "A governorate engineer has inspected the house and it is included in the next phase of the "
            "home repair programme. We will contact you before work starts."
        ],
    },
    "other": {
        "ar": ["تم التواصل مع الجهة المختصة ومتابعة الموضوع حتى معالجته، ونشكركم على تواصلكم مع المحافظة."],
        "en": ["We followed the matter up with the responsible team until it was resolved. Thank you."],
    },
}

TYPE_ANSWERS: dict[str, Texts] = {
    "suggestion": {
        "ar": [
            "نشكركم على مقترحكم القيّم. تمت دراسته من قبل القسم المختص وإدراجه ضمن خطة المشاريع للعام "
            "القادم، وسنتواصل معكم في حال اعتماده.",
            "شكراً لمقترحكم، وقد تمت إحالته إلى المجلس التنسيقي لمناقشته مع الجهات المعنية في الاجتماع "
            "القادم.",
        ],
        "en": [
            "Thank you for your suggestion. The responsible section has studied it and added it to next "
            "year's project plan; we will contact you if it is approved."
        ],
    },
    "inquiry": {
        "ar": [
            "شكراً لاستفساركم. يمكنكم الاطلاع على الشروط والمستندات المطلوبة وتقديم الطلب عبر البوابة "
            "الوطنية bahrain.bh، أو زيارة أقرب مركز خدمة في أوقات الدوام الرسمي.",
            "نفيدكم بأن طلبكم قيد الدراسة وترتيبه ضمن الأولوية حسب تاريخ التقديم، وسيتم التواصل معكم فور "
            "صدور القرار.",
        ],
        "en": [
            "Thank you for your question. The conditions, the documents needed and the online application "
            "are on the national portal bahrain.bh; you can also visit any service centre during working "
            "hours."
        ],
    },
    "compliment": {
        "ar": [
            "نشكركم على كلماتكم الطيبة، وتم إيصال شكركم إلى الفريق المعني. رضاكم غايتنا.",
            "سعدنا برسالتكم، وستكون حافزاً للفريق لتقديم الأفضل. شكراً لكم.",
        ],
        "en": [
            "Thank you for your kind words; we have passed them on to the team. Your satisfaction is our aim."
        ],
    },
    "complaint": {
        "ar": ["تمت معاينة الموقع من قبل الفريق المختص واتخاذ الإجراء اللازم لمعالجة الملاحظة."],
        "en": ["The responsible team inspected the site and took the necessary action."],
    },
    "request": {
        "ar": ["تمت دراسة طلبكم والموافقة عليه، وسيتم التنفيذ خلال الفترة القادمة."],
        "en": ["Your request has been reviewed and approved; it will be carried out shortly."],
    },
}

SECOND_LOOK_ANSWERS: Texts = {
    "ar": [
        "بعد مراجعة المشرف للحالة، تم إرسال فريق ثانٍ إلى الموقع وتبين أن الإصلاح السابق لم يكن كافياً، "
        "وتمت المعالجة بشكل نهائي. نعتذر عن الإزعاج.",
        "تمت إعادة دراسة الطلب من قبل المشرف، ونفيدكم بأن القرار السابق صحيح وفق الاشتراطات، مع توضيح "
        "البدائل المتاحة لكم عبر الاتصال الهاتفي.",
    ],
    "en": [
        "After a supervisor's review a second team visited the site. The earlier repair was not enough and "
        "the problem has now been fixed properly. We apologise for the trouble."
    ],
}

INFO_REQUESTS: Texts = {
    "ar": [
        "يرجى تزويدنا برقم المنزل أو أقرب معلم واضح للموقع، مع صورة إن أمكن، حتى يتمكن الفريق الميداني "
        "من الوصول إليه.",
        "نرجو إرفاق نسخة من البطاقة الذكية ورقم الطلب لاستكمال دراسة حالتكم.",
        "يرجى تحديد الأوقات التي تتكرر فيها المشكلة، وتزويدنا برقم تواصل بديل.",
    ],
    "en": [
        "Could you send us the house number or a nearby landmark, and a photo if possible, so the field "
        "team can find the location?",
        "Please send a copy of your CPR card and your application number so we can complete the review.",
    ],
}

CITIZEN_REPLIES: Texts = {
    "ar": [
        "المنزل رقم ١٢٣٤ بجانب مسجد الحي، والعمود المقصود مقابل البوابة الرئيسية.",
        "أرفقت نسخة البطاقة، ورقم الطلب 2012-4471. شكراً لكم.",
        "المشكلة تتكرر يومياً من الساعة ١١ ليلاً تقريباً، ورقمي البديل هو نفس رقم زوجتي المسجل.",
        "الموقع قريب من دوار السوق، عند مواقف السيارات الكبيرة.",
    ],
    "en": [
        "It is house 1187, opposite the mosque; the photo shows the pole with the broken lamp.",
        "Attached is my CPR copy. The application number is 2025-10388.",
    ],
}

SECOND_LOOK_REASONS: Texts = {
    "ar": [
        "تم إغلاق البلاغ على أنه تم الإصلاح، لكن المشكلة ما زالت قائمة حتى اليوم.",
        "الرد عام ولم يجب عن سؤالي بشكل واضح.",
        "رجعت المشكلة بعد يومين من الإصلاح، نرجو حل جذري.",
    ],
    "en": [
        "The lights were fixed for two days and now they are off again.",
        "The answer does not address my request.",
    ],
}

RATING_COMMENTS: dict[int, Texts] = {
    5: {"ar": ["شكراً على سرعة الاستجابة", "خدمة ممتازة", ""], "en": ["Quick and professional, thanks!", ""]},
    4: {"ar": ["جيد، لكن التأخير كان واضحاً", ""], "en": ["Good, took a little long.", ""]},
    3: {"ar": ["الرد مقبول", ""], "en": [""]},
    2: {"ar": ["المشكلة لم تحل بالكامل"], "en": ["Only partly solved."]},
    1: {"ar": ["لم يتغير شي على أرض الواقع"], "en": ["Nothing changed on the ground."]},
}

INTERNAL_NOTES = [
    "تم التنسيق مع المقاول، الموعد المتوقع للإصلاح الأحد القادم.",
    "المواطن اتصل هاتفياً للمتابعة، وتم إبلاغه بأن الطلب قيد المعالجة.",
    "توجد بلاغات مشابهة من نفس المجمع، يرجى ربطها عند ورود بلاغات جديدة.",
    "تمت المعاينة الميدانية، والإصلاح يحتاج إلى قطعة غيار غير متوفرة حالياً.",
    "Called the resident: the site is behind the cooperative, not on the main road.",
]

CLOSE_NO_REPLY = "أُغلق الطلب لعدم ورود رد من المواطن خلال المدة المحددة، ويمكنه تقديم طلب جديد."

# category -> (entity the case is transferred to, reason)
TRANSFERS: dict[str, tuple[str, str]] = {
    "street_lighting": ("ewa", "العطل في كابل التغذية التابع لشبكة الكهرباء وليس في أعمدة الإنارة."),
    "roads_paving": ("municipality", "الموقع طريق داخلي ضمن مسؤولية البلدية."),
    "waste_cleanliness": ("works", "المخلفات ناتجة عن مشروع طرق تابع لوزارة الأشغال."),
    "public_order": ("municipality", "الورشة تعمل دون ترخيص، والإجراء من اختصاص التفتيش البلدي."),
    "electricity_water": ("works", "التسرب من خط صرف صحي وليس من شبكة المياه."),
    "education_services": ("transport", "تشغيل الحافلات المدرسية من اختصاص وزارة المواصلات."),
    "other": ("municipality", "الكلاب الضالة من اختصاص قسم الصحة العامة في البلدية."),
    "home_repair": ("social_development", "الحالة تستوفي شروط برنامج الدعم لدى وزارة التنمية الاجتماعية."),
}

# (reason, where to go instead)
REJECTIONS: list[tuple[str, str]] = [
    ("الموضوع نزاع خاص بين الجيران، ويختص به القضاء.", "المحاكم المدنية - وزارة العدل"),
    ("العقار المذكور ملكية خاصة ولا تملك الجهة صلاحية التدخل فيه.", "مالك العقار أو اتحاد الملاك"),
    ("الخدمة تقدمها شركة اتصالات خاصة وليست جهة حكومية.", "هيئة تنظيم الاتصالات"),
    ("The compound is private and managed by its owners' association.", "The owners' association"),
]

# (entity code or None for national, title ar, title en, body ar, body en)
RESPONSE_TEMPLATES: list[tuple[str | None, str, str, str, str]] = [
    (
        None,
        "قيد الدراسة",
        "Under review",
        "نشكركم على تواصلكم. تم استلام ملاحظتكم وهي قيد الدراسة لدى القسم المختص، وسنوافيكم بالنتيجة في "
        "أقرب وقت.",
        "Thank you for contacting us. Your message is being reviewed by the responsible section and we "
        "will let you know the outcome as soon as possible.",
    ),
    (
        None,
        "خارج الاختصاص",
        "Outside our remit",
        "نفيدكم بأن موضوع رسالتكم خارج اختصاص الجهة، ونرجو التواصل مع الجهة المختصة المذكورة أدناه.",
        "The subject of your message is outside our remit. Please contact the entity named below.",
    ),
    (
        None,
        "شكر على الإشادة",
        "Thanks for a compliment",
        "نشكركم على كلماتكم الطيبة، وتم إيصال شكركم إلى الفريق المعني. رضاكم غايتنا.",
        "Thank you for your kind words; we have passed them on to the team.",
    ),
    (
        "works",
        "تم إصلاح الإنارة",
        "Street light repaired",
        "تم إصلاح أعمدة الإنارة في الموقع المذكور واستبدال الوحدات التالفة، والإنارة تعمل الآن بشكل طبيعي.",
        "The street lights at the location you reported have been repaired and now work normally.",
    ),
    (
        "works",
        "جدولة صيانة الطريق",
        "Road repair scheduled",
        "تمت معاينة الموقع وإدراج الإصلاح ضمن جدول الصيانة، وتم عمل إصلاح مؤقت لضمان سلامة مستخدمي الطريق.",
        "The site was inspected and the repair scheduled; a temporary fix has been made for road safety.",
    ),
    (
        "ewa",
        "إعادة التيار",
        "Supply restored",
        "تم تحديد سبب الانقطاع ومعالجته وإعادة التيار. في حال تكرر الانقطاع يرجى الاتصال بمركز الطوارئ.",
        "The cause of the outage was found and fixed and the supply restored. If it happens again, please "
        "call the emergency centre.",
    ),
]

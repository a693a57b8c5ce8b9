"""The reference data of DOMAIN.md, loaded idempotently by `civicdesk seed` and editable in the admin."""

from __future__ import annotations

CASE_TYPES = [
    ("complaint", "شكوى", "Complaint"),
    ("suggestion", "مقترح", "Suggestion"),
    ("inquiry", "استفسار", "Inquiry"),
    ("request", "طلب", "Request"),
    ("compliment", "إشادة", "Compliment"),
]

SECTORS = [("security", "أمني", "Security"), ("service", "خدمي", "Service"), ("social", "اجتماعي", "Social")]

GOVERNORATES = [
    ("capital", "محافظة العاصمة", "Capital Governorate"),
    ("muharraq", "محافظة المحرق", "Muharraq Governorate"),
    ("northern", "المحافظة الشمالية", "Northern Governorate"),
    ("southern", "المحافظة الجنوبية", "Southern Governorate"),
]

# code, Arabic, English, is_security, departments [(code, ar, en)]
MINISTRIES = [
    (
        "moi_police",
        "وزارة الداخلية - مديريات الشرطة",
        "Ministry of Interior - Police directorates",
        True,
        [
            ("police_operations", "العمليات والدوريات", "Operations and patrols"),
            ("crime_prevention", "مكافحة الجريمة", "Crime prevention"),
        ],
    ),
    (
        "moi_traffic",
        "الإدارة العامة للمرور",
        "General Directorate of Traffic",
        True,
        [
            ("traffic_engineering", "هندسة المرور", "Traffic engineering"),
            ("traffic_enforcement", "الضبط المروري", "Traffic enforcement"),
        ],
    ),
    (
        "npra",
        "شؤون الجنسية والجوازات والإقامة",
        "Nationality, Passports and Residence Affairs",
        False,
        [("customer_service", "خدمة العملاء", "Customer service")],
    ),
    (
        "works",
        "وزارة الأشغال",
        "Ministry of Works",
        False,
        [
            ("roads", "الطرق", "Roads"),
            ("street_lighting", "إنارة الشوارع", "Street lighting"),
            ("sewage", "الصرف الصحي", "Sewage and drainage"),
        ],
    ),
    (
        "ewa",
        "هيئة الكهرباء والماء",
        "Electricity and Water Authority",
        False,
        [("customer_care", "رعاية المشتركين", "Customer care")],
    ),
    (
        "municipality",
        "وزارة شؤون البلديات",
        "Ministry of Municipalities Affairs",
        False,
        [("cleanliness", "النظافة العامة", "Public cleanliness"), ("parks", "الحدائق والمتنزهات", "Parks")],
    ),
    (
        "housing",
        "وزارة الإسكان والتخطيط العمراني",
        "Ministry of Housing and Urban Planning",
        False,
        [("housing_services", "الخدمات الإسكانية", "Housing services")],
    ),
    (
        "health",
        "وزارة الصحة",
        "Ministry of Health",
        False,
        [("patient_relations", "علاقات المرضى", "Patient relations")],
    ),
    (
        "education",
        "وزارة التربية والتعليم",
        "Ministry of Education",
        False,
        [("school_affairs", "شؤون المدارس", "School affairs")],
    ),
    (
        "transport",
        "وزارة المواصلات والاتصالات",
        "Ministry of Transportation",
        False,
        [("public_transport", "النقل العام", "Public transport")],
    ),
    (
        "iga",
        "هيئة المعلومات والحكومة الإلكترونية",
        "Information and eGovernment Authority",
        False,
        [("eservices_support", "دعم الخدمات الإلكترونية", "E-services support")],
    ),
    (
        "social_development",
        "وزارة التنمية الاجتماعية",
        "Ministry of Social Development",
        False,
        [
            ("social_assistance", "المساعدات الاجتماعية", "Social assistance"),
            ("care_services", "خدمات الرعاية", "Care services"),
        ],
    ),
    (
        "labour",
        "وزارة العمل",
        "Ministry of Labour",
        False,
        [("employment_services", "خدمات التوظيف", "Employment services")],
    ),
]

GOVERNORATE_DEPARTMENTS = [
    ("governorate_customer_service", "خدمة العملاء", "Customer service"),
    ("engineering_investment", "الخدمات الهندسية والاستثمار", "Engineering services and investment"),
    ("governorate_social_programs", "البرامج الاجتماعية", "Social programmes"),
    ("coordinating_council_unit", "وحدة المجلس التنسيقي", "Coordinating council unit"),
    ("field_team", "الفريق الميداني", "Field team"),
]

# code, sector, ar, en, default entity (None: the governorate of the area), default department
CATEGORIES = [
    (
        "traffic_safety",
        "security",
        "السلامة المرورية",
        "Traffic and road safety",
        "moi_traffic",
        "traffic_engineering",
    ),
    (
        "public_order",
        "security",
        "النظام العام والإزعاج",
        "Public order and noise",
        "moi_police",
        "police_operations",
    ),
    (
        "theft_vandalism",
        "security",
        "السرقة والتخريب",
        "Theft and vandalism",
        "moi_police",
        "crime_prevention",
    ),
    (
        "patrol_request",
        "security",
        "طلب دوريات أمنية",
        "Request for police patrols",
        "moi_police",
        "police_operations",
    ),
    (
        "suspicious_activity",
        "security",
        "نشاط مشبوه ومبانٍ مهجورة",
        "Suspicious activity and abandoned buildings",
        "moi_police",
        "crime_prevention",
    ),
    ("roads_paving", "service", "الطرق والرصف", "Roads and paving", "works", "roads"),
    ("street_lighting", "service", "إنارة الشوارع", "Street lighting", "works", "street_lighting"),
    (
        "sewage_drainage",
        "service",
        "الصرف الصحي وتصريف الأمطار",
        "Sewage and rainwater drainage",
        "works",
        "sewage",
    ),
    (
        "electricity_water",
        "service",
        "الكهرباء والماء",
        "Electricity and water supply",
        "ewa",
        "customer_care",
    ),
    (
        "waste_cleanliness",
        "service",
        "النظافة وجمع النفايات",
        "Waste collection and cleanliness",
        "municipality",
        "cleanliness",
    ),
    (
        "parks_public_spaces",
        "service",
        "الحدائق والمرافق العامة",
        "Parks and public spaces",
        "municipality",
        "parks",
    ),
    ("housing", "service", "الإسكان", "Housing", "housing", "housing_services"),
    ("health_services", "service", "الخدمات الصحية", "Health services", "health", "patient_relations"),
    (
        "education_services",
        "service",
        "المدارس والتعليم",
        "Schools and education",
        "education",
        "school_affairs",
    ),
    (
        "public_transport",
        "service",
        "النقل العام",
        "Public transport and bus stops",
        "transport",
        "public_transport",
    ),
    (
        "eservices_documents",
        "service",
        "الخدمات الإلكترونية والوثائق",
        "E-services, IDs and documents",
        "iga",
        "eservices_support",
    ),
    (
        "social_assistance",
        "social",
        "المساعدات الاجتماعية",
        "Financial and social assistance",
        "social_development",
        "social_assistance",
    ),
    (
        "elderly_disability_care",
        "social",
        "رعاية المسنين وذوي الإعاقة",
        "Care for the elderly and people with disabilities",
        "social_development",
        "care_services",
    ),
    (
        "family_community_programs",
        "social",
        "البرامج الأسرية والمجتمعية",
        "Family and community programmes",
        None,
        "governorate_social_programs",
    ),
    (
        "youth_employment",
        "social",
        "الشباب والتوظيف",
        "Youth and employment",
        "labour",
        "employment_services",
    ),
    (
        "home_repair",
        "social",
        "ترميم منازل الأسر المحتاجة",
        "Home repair for families in need",
        None,
        "governorate_social_programs",
    ),
    ("other", "service", "أخرى", "Other", None, "governorate_customer_service"),
]

# code, ar, en, how it enters (en), entered by staff
CHANNELS = [
    (
        "service_desk",
        "مكتب استقبال خدمة العملاء",
        "Customer service desk (walk-in)",
        "staff entry form",
        True,
    ),
    ("phone_line", "الخط الهاتفي المباشر", "Direct phone line", "staff entry form", True),
    ("tawasul_hotline", "الخط الساخن لتواصل", "Tawasul hotline", "staff entry form", True),
    ("video_call", "خدمة الاتصال المرئي", "Video call", "booked video appointment, staff entry", True),
    ("live_chat", "خدمة المحادثة الفورية", "Instant chat", "chat widget, transcript becomes a case", False),
    ("email", "البريد الإلكتروني", "E-mail", "mailbox ingestion (IMAP)", False),
    (
        "web_form",
        "الاستمارات الإلكترونية",
        "Website e-forms (security, service, social)",
        "public web form",
        False,
    ),
    ("national_portal", "البوابة الوطنية", "National portal", "API (partner key)", False),
    ("tawasul", "نظام تواصل", "Tawasul national system", "API (partner key)", False),
    ("mobile_app", "تطبيق المحافظة", "Governorate mobile app", "API (app key), photos, push", False),
    (
        "qr_code",
        "خدمة إحنا نوصلك (QR)",
        '"We come to you" QR service',
        "QR link opens a pre-filled form",
        False,
    ),
    ("smart_office", "المكتب الذكي", "Smart office (self-service)", "kiosk form", False),
    ("whatsapp", "واتساب", "WhatsApp", "WhatsApp Cloud API webhook", False),
    ("sms", "الرسائل النصية", "SMS", "SMS gateway webhook", False),
    ("telegram", "تيليجرام", "Telegram", "Telegram Bot API webhook", False),
    ("instagram", "إنستغرام", "Instagram", "social inbox (webhook or import)", False),
    ("x_twitter", "إكس (تويتر)", "X (Twitter)", "social inbox (webhook or import)", False),
    ("facebook", "فيسبوك", "Facebook", "social inbox (webhook or import)", False),
    ("weekly_majlis", "المجلس الأسبوعي", "Weekly majlis (in person)", "majlis session record", True),
    ("virtual_majlis", "المجلس الافتراضي", "Virtual majlis", "majlis session record, online sign-up", True),
    ("field_visit", "الزيارات الميدانية", "Field team visit", "field report", True),
    ("coordinating_council", "المجلس التنسيقي", "Coordinating council", "council agenda item", True),
    ("postal_mail", "البريد والرسائل الورقية", "Letters and post", "staff entry form (scan attached)", True),
    (
        "entity_referral",
        "إحالة من جهة حكومية",
        "Referral from another entity",
        "transfer between entities",
        True,
    ),
]

# governorate: [(area code, ar, en, [block numbers])]. Block numbers follow Bahrain's national block map
# (the first digits name the region); the lists are a starting set that staff can extend in the admin.
AREAS = {
    "capital": [
        ("manama", "المنامة", "Manama", [301, 302, 304, 305, 306, 307, 308, 309]),
        ("hoora", "الحورة", "Hoora", [317, 318, 319]),
        ("gudaibiya", "القضيبية", "Gudaibiya", [320, 321, 322]),
        ("juffair", "الجفير", "Juffair", [324, 340, 341, 342]),
        ("adliya", "العدلية", "Adliya", [336, 338]),
        ("um_al_hassam", "أم الحصم", "Umm Al Hassam", [334, 337, 339]),
        ("salmaniya", "السلمانية", "Salmaniya", [325, 327, 329, 331]),
        ("seef", "السيف", "Seef", [428, 436]),
        ("sanabis", "السنابس", "Sanabis", [404, 406, 408, 410]),
        ("tubli", "توبلي", "Tubli", [701, 702, 703, 704, 705]),
        ("sitra", "سترة", "Sitra", [601, 602, 603, 604, 605, 606, 609, 611]),
    ],
    "muharraq": [
        ("muharraq_city", "المحرق", "Muharraq", [201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211]),
        ("hidd", "الحد", "Hidd", [101, 102, 103, 104, 105, 106, 107, 111, 112]),
        ("arad", "عراد", "Arad", [241, 242, 243, 244]),
        ("busaiteen", "البسيتين", "Busaiteen", [225, 226, 227, 228]),
        ("galali", "قلالي", "Galali", [251, 252, 253, 254]),
        ("samaheej", "سماهيج", "Samaheej", [234, 235, 236]),
        ("dair", "الدير", "Dair", [231, 232, 233]),
        ("amwaj", "جزر أمواج", "Amwaj Islands", [256, 258]),
    ],
    "northern": [
        ("budaiya", "البديع", "Budaiya", [562, 563, 564, 565, 566, 569]),
        ("diraz", "الدراز", "Diraz", [536, 538, 540, 542, 544, 546, 548]),
        ("saar", "سار", "Saar", [509, 511, 513, 515, 525, 527]),
        ("janabiya", "الجنبية", "Janabiya", [568, 570, 572, 574, 576]),
        ("jidhafs", "جدحفص", "Jidhafs", [411, 413, 415, 417, 419]),
        (
            "hamad_town",
            "مدينة حمد",
            "Hamad Town",
            [1201, 1202, 1203, 1204, 1205, 1206, 1207, 1208, 1209, 1210],
        ),
        ("aali", "عالي", "A'ali", [732, 734, 736, 738, 740]),
        ("hamala", "الهملة", "Hamala", [1012, 1014, 1016, 1018]),
        ("karzakan", "كرزكان", "Karzakan", [1041, 1042]),
        ("madinat_salman", "مدينة سلمان", "Madinat Salman", [1101, 1102, 1103]),
    ],
    "southern": [
        ("riffa_east", "الرفاع الشرقي", "East Riffa", [901, 903, 905, 907, 909, 911, 913]),
        ("riffa_west", "الرفاع الغربي", "West Riffa", [921, 923, 925, 927, 929, 931, 933, 935]),
        ("isa_town", "مدينة عيسى", "Isa Town", [801, 802, 803, 804, 805, 806, 807, 808, 809, 810, 812]),
        ("awali", "عوالي", "Awali", [960]),
        ("askar", "عسكر", "Askar", [950, 951]),
        ("jaw", "جو", "Jaw", [955, 957]),
        ("zallaq", "الزلاق", "Zallaq", [1052, 1053, 1054, 1055]),
        ("sakhir", "الصخير", "Sakhir", [1060, 1061]),
        ("durrat_al_bahrain", "درة البحرين", "Durrat Al Bahrain", [970, 971]),
    ],
}

DEFAULT_RESPONSE_WORKING_DAYS = 14

# Free text with no category chosen by a person: these always wait for a triage officer by default.
FREE_TEXT_CHANNELS = frozenset(
    {"live_chat", "email", "whatsapp", "sms", "telegram", "instagram", "x_twitter", "facebook"}
)

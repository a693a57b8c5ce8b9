"""Hand-written demo case descriptions, by category: what residents of Bahrain actually write.

Each entry is (case type, language, text). Placeholders: {road}, {block}, {area} (the area's name in the
text's language) and {days}. About a third of the Arabic texts are in Gulf dialect, and a few keep the
typos people make (missing hamzas, ه for ة, "recieved").
"""

from __future__ import annotations

Description = tuple[str, str, str]

DESCRIPTIONS: dict[str, list[Description]] = {
    "traffic_safety": [
        (
            "complaint",
            "ar",
            "السيارات تسرع بشكل خطير في شارع {road} بمجمع {block} قرب مدرسة البنات، ونطالب بتركيب "
            "مطبات صناعية أو كاميرا لرصد السرعة قبل أن تقع حادثة لا سمح الله.",
        ),
        (
            "request",
            "ar",
            "السلام عليكم، الإشارة عند تقاطع شارع {road} في {area} وايد طويلة والسواق يقطعون الأحمر، "
            "نبي شرطي مرور وقت الذروة الصبح من الساعة ٧ لين ٨.",
        ),
        (
            "suggestion",
            "ar",
            "أقترح عمل ممر مشاة بإشارة ضوئية أمام المركز الصحي في {area}، فكبار السن يضطرون لعبور الشارع "
            "بين السيارات المسرعة.",
        ),
        (
            "complaint",
            "en",
            "Cars park on both sides of Road {road} in Block {block} during school pick-up, leaving a single "
            "lane and blocking the ambulance route. Please consider no-parking signs or enforcement "
            "between 12:30 and 1:30 pm.",
        ),
        (
            "inquiry",
            "en",
            "Is the speed camera on the main road into {area} working? Cars race there almost every night "
            "after 11 pm and we hear tyres screeching.",
        ),
    ],
    "public_order": [
        (
            "complaint",
            "ar",
            "ورشة لتصليح السيارات في مجمع {block} تعمل حتى الثانية فجراً وتصدر أصوات طرق ومكائن عالية، "
            "ولدينا أطفال وكبار سن لا يستطيعون النوم. نرجو التدخل.",
        ),
        (
            "complaint",
            "ar",
            "كل ليلة شباب يتجمعون بسياراتهم عند الساحل في {area} ويشغلون الأغاني بصوت عالي لين الفجر، "
            "واذا كلمناهم يسبون. الله يخليكم نبي حل.",
        ),
        (
            "request",
            "ar",
            "نرجو منع التجمعات ولعب الكرة في الممر بين البيوت في مجمع {block} بعد الساعة العاشرة ليلاً، "
            "فقد تكسرت نوافذ بعض البيوت وتضررت السيارات.",
        ),
        (
            "complaint",
            "en",
            "Loud music and shouting from a rented villa on Road {road}, Block {block} almost every weekend "
            "until 3 am. Neighbours have spoken to them several times without result.",
        ),
        (
            "compliment",
            "ar",
            "أشكر دورية شرطة {area} على سرعة الاستجابة ليلة أمس عندما اتصلنا بشأن الإزعاج، وصلوا خلال "
            "دقائق وتعاملوا بأدب واحترام.",
        ),
    ],
    "theft_vandalism": [
        (
            "complaint",
            "ar",
            "تم تكسير زجاج سيارتي المتوقفة أمام المنزل في شارع {road} بمجمع {block} وسرقة حقيبة من داخلها، "
            "وهذه ثالث حادثة في الحي خلال شهر.",
        ),
        (
            "complaint",
            "ar",
            "قام مجهولون بتخريب الألعاب والكراسي في حديقة الحي بمجمع {block} والكتابة على الجدران بعبارات "
            "مسيئة، ونرجو متابعة الموضوع.",
        ),
        (
            "inquiry",
            "ar",
            "انسرقت سيكلي من جدام البيت في {area} وكان مربوط بقفل، وعند الجيران كاميرا صورت الشخص. "
            "شلون أقدر أبلغ وأسلم التسجيل؟",
        ),
        (
            "complaint",
            "en",
            "Copper cables were stolen from the building site next to our block on Road {road}. Since then "
            "teenagers break in at night and have damaged the fence and the site cabin.",
        ),
        (
            "inquiry",
            "en",
            "My wife's handbag was snatched near the market in {area}. Can I follow up the police report "
            "online, or do I have to go to the police station again?",
        ),
    ],
    "patrol_request": [
        (
            "request",
            "ar",
            "نطلب زيادة الدوريات الأمنية في مجمع {block} خلال ساعات الليل بعد تكرار محاولات دخول البيوت "
            "الخالية أثناء سفر أهلها.",
        ),
        (
            "request",
            "ar",
            "الله يعطيكم العافية، نبي دورية تمر على شارع {road} خصوصاً وقت صلاة الفجر، في ناس غرباء "
            "يدورون بين البيوت ويطالعون السيارات.",
        ),
        (
            "suggestion",
            "ar",
            "أقترح تخصيص دورية راجلة في السوق الشعبي في {area} يومي الخميس والجمعة لكثرة الازدحام "
            "وحوادث النشل.",
        ),
        (
            "request",
            "en",
            "We will be travelling for three weeks this summer. Is it possible to ask for patrols to pass by "
            "our house on Road {road}, Block {block} while we are away?",
        ),
    ],
    "suspicious_activity": [
        (
            "complaint",
            "ar",
            "يوجد بيت مهجور في شارع {road} بمجمع {block} أبوابه مفتوحة، ويتجمع فيه أشخاص مجهولون ليلاً، "
            "ونخشى على أطفالنا.",
        ),
        (
            "complaint",
            "ar",
            "في سيارة واقفة عند المسجد في {area} من أكثر من شهر بدون لوحات، وكل يومين نشوف ناس يجون "
            "يفتحونها بالليل ويطلعون منها أغراض.",
        ),
        (
            "request",
            "ar",
            "نرجو التحقق من مخزن في مجمع {block} يتم فيه تفريغ شاحنات في أوقات متأخرة من الليل بشكل مريب.",
        ),
        (
            "complaint",
            "en",
            "An abandoned building on Road {road}, Block {block} has broken windows and people seem to be "
            "sleeping inside. There is also a smell of burning at night.",
        ),
    ],
    "roads_paving": [
        (
            "complaint",
            "ar",
            "حفرة كبيرة في شارع {road} بمجمع {block} تسببت في تلف إطارات عدة سيارات، وتمتلئ بالماء عند "
            "المطر فلا يراها السائق.",
        ),
        (
            "complaint",
            "ar",
            "الشارع اللي ورا المدرسه الابتدائيه في {area} مكسر من بعد ما حفروه لتمديدات الماي وما رجعوا "
            "سفلتوه، صار له ٣ شهور على هالحال",
        ),
        (
            "request",
            "ar",
            "نطلب رصف الممر المؤدي إلى المسجد في مجمع {block}، حيث يعاني كبار السن من الحصى والحفر "
            "خاصة وقت صلاة الفجر.",
        ),
        (
            "inquiry",
            "ar",
            "متى سيتم الانتهاء من مشروع تطوير شارع {road} في {area}؟ الأعمال متوقفة منذ أسابيع والتحويلات "
            "تسبب ازدحاماً كبيراً.",
        ),
        (
            "suggestion",
            "en",
            "Please add a proper pavement along Road {road} in {area}. Children walk to school on the road "
            "itself because there is only sand on both sides.",
        ),
        (
            "complaint",
            "en",
            "The road surface on Road {road} near the roundabout in {area} has sunk after the recent works. "
            "Cars swerve to avoid it and it is dangerous at night.",
        ),
    ],
    "street_lighting": [
        (
            "complaint",
            "ar",
            "أعمدة الإنارة في شارع {road} بمجمع {block} مطفأة منذ {days} أيام، والشارع مظلم تماماً ليلاً "
            "مما يشكل خطراً على المشاة.",
        ),
        (
            "complaint",
            "ar",
            "اللايت اللي جدام بيتنا في {area} يشتغل ويطفي طول الليل من اسبوعين، ومحد جا يصلحه. الله "
            "يخليكم تشوفونه.",
        ),
        (
            "complaint",
            "ar",
            "عمود انارة مايل وعلى وشك السقوط في شارع {road} بعد ما صدمته سياره، والاسلاك ظاهره والعيال "
            "يلعبون جنبه",
        ),
        (
            "request",
            "ar",
            "نرجو تركيب إنارة في الممر الخلفي بين البيوت في مجمع {block}، فالممر مظلم ويستخدمه الطلاب "
            "والعمال ليلاً.",
        ),
        (
            "compliment",
            "ar",
            "شكراً لفريق الإنارة على إصلاح الأعمدة في شارع {road} خلال يومين من البلاغ، عمل سريع ومتقن.",
        ),
        (
            "complaint",
            "en",
            "Three street lights on Road {road}, Block {block} have not been working for {days} days. The "
            "stretch near the bus stop is completely dark.",
        ),
        (
            "complaint",
            "en",
            "street light infront of house no. 1187 is on all day and off at night, i think the timer is "
            "broken. Block {block}.",
        ),
    ],
    "sewage_drainage": [
        (
            "complaint",
            "ar",
            "طفح مياه الصرف الصحي في شارع {road} بمجمع {block} منذ يومين والرائحة لا تطاق، والمياه وصلت "
            "إلى مداخل البيوت.",
        ),
        (
            "complaint",
            "ar",
            "كل ما تمطر يتجمع الماي جدام بيوتنا في {area} ويسكر الشارع، ولا في أي فتحة تصريف. السنة اللي "
            "طافت نفس الشي.",
        ),
        (
            "request",
            "ar",
            "نطلب ربط منزلنا في مجمع {block} بشبكة الصرف الصحي، فالبيت ما زال على البيارة ونضطر لشفطها "
            "كل أسبوعين.",
        ),
        (
            "complaint",
            "en",
            "Rainwater has been standing at the junction of Road {road} and the main avenue in {area} for a "
            "week since the rain. Mosquitoes are breeding in it.",
        ),
        (
            "inquiry",
            "en",
            "Our street in Block {block} was supposed to be connected to the sewerage network this year. "
            "Could you confirm when the works will start?",
        ),
    ],
    "electricity_water": [
        (
            "complaint",
            "ar",
            "انقطاع متكرر للكهرباء في مجمع {block} منذ أسبوع، يستمر لساعات في عز الحر، وتعطلت أجهزة "
            "التكييف في عدة بيوت.",
        ),
        (
            "complaint",
            "ar",
            "تسرب مياه من الأنبوب الرئيسي في شارع {road} بمجمع {block}، والماء يجري في الشارع منذ الصباح "
            "الباكر.",
        ),
        (
            "complaint",
            "ar",
            "فاتورة الكهرباء هالشهر وايد عالية، ١٥٠ دينار والبيت نفسه وما تغير شي. ابي احد يفحص العداد.",
        ),
        (
            "compliment",
            "ar",
            "أشكر فريق الطوارئ في هيئة الكهرباء والماء على إعادة التيار خلال ساعة في ليلة شديدة الحرارة.",
        ),
        (
            "complaint",
            "en",
            "Very low water pressure in our building on Road {road}, {area}. The upper floors have had "
            "almost no water since Thursday.",
        ),
        (
            "inquiry",
            "en",
            "I moved into a new flat in {area} last month, how can i transfer the electricity account to my "
            "name? The bill still comes in the old tenants name.",
        ),
    ],
    "waste_cleanliness": [
        (
            "complaint",
            "ar",
            "لم يتم جمع القمامة في شارع {road} بمجمع {block} منذ {days} أيام، والحاويات ممتلئة وتنبعث منها "
            "روائح كريهة وتجمعت القطط حولها.",
        ),
        (
            "complaint",
            "ar",
            "في ناس يرمون مخلفات بناء وأثاث قديم في الأرض الفاضية اللي جنب بيتنا في {area}، صارت مكب زبالة.",
        ),
        (
            "request",
            "ar",
            "نطلب توفير حاوية إضافية في مجمع {block}، فالحاوية الحالية لا تكفي لعدد البيوت وتمتلئ قبل "
            "موعد الجمع.",
        ),
        (
            "compliment",
            "ar",
            "تحية لعمال النظافة في {area} على جهودهم في تنظيف الساحل صباح يوم الجمعة رغم الحر.",
        ),
        (
            "complaint",
            "en",
            "The garbage bins on Road {road} are overflowing every weekend and rubbish is blown all over "
            "the street. Collection seems to skip Saturdays.",
        ),
        (
            "suggestion",
            "en",
            "Could the municipality place recycling bins for plastic and paper near the cooperative in "
            "{area}? Many residents would use them.",
        ),
    ],
    "parks_public_spaces": [
        (
            "suggestion",
            "ar",
            "نقترح إنشاء حديقة صغيرة للأطفال على الأرض الفضاء في مجمع {block}، فلا يوجد أي متنفس للعائلات "
            "في المنطقة.",
        ),
        (
            "complaint",
            "ar",
            "ألعاب الأطفال في حديقة {area} مكسورة وبعضها فيه حواف حادة، وقد جُرح طفل يوم أمس.",
        ),
        (
            "request",
            "ar",
            "نبي تظليل للممشى في {area}، الحر وايد والناس ما تقدر تمشي إلا بعد المغرب.",
        ),
        (
            "complaint",
            "en",
            "The water fountain and the toilets at the park in {area} have been out of order for a month. "
            "Families with small children have nowhere to go.",
        ),
        (
            "suggestion",
            "en",
            "Please consider adding a few benches and shade along the walkway in Block {block}; many "
            "elderly residents walk there in the evening.",
        ),
        (
            "compliment",
            "en",
            "The renovated park in {area} is beautiful and well kept. Thank you to the team who designed "
            "and maintain it.",
        ),
    ],
    "housing": [
        (
            "inquiry",
            "ar",
            "تقدمت بطلب وحدة سكنية عام ٢٠١٢ ورقم الطلب موجود لدي، أرجو إفادتي عن ترتيب طلبي في قائمة "
            "الانتظار والمشروع المتوقع.",
        ),
        (
            "request",
            "ar",
            "أرجو النظر في تحويل طلبي من شقة إلى وحدة سكنية، حيث أصبح عدد أفراد الأسرة سبعة أشخاص والشقة "
            "لا تكفي.",
        ),
        (
            "complaint",
            "ar",
            "استلمنا البيت في {area} من ٦ شهور وفي تشققات في الجدران وتسرب ماي من الحمام، وكلمنا المقاول "
            "وايد مرات بدون فايدة.",
        ),
        (
            "inquiry",
            "en",
            "I applied for the Mazaya housing finance programme in March and have not heard back. How long "
            "does the approval usually take?",
        ),
        (
            "complaint",
            "en",
            "Cracks have appeared in the ceiling of our housing unit in {area}, Block {block}. We reported "
            "it to the maintenance line twice and nobody came.",
        ),
    ],
    "health_services": [
        (
            "complaint",
            "ar",
            "الانتظار في المركز الصحي في {area} يتجاوز ثلاث ساعات، وكبار السن ينتظرون واقفين لعدم كفاية "
            "الكراسي.",
        ),
        (
            "request",
            "ar",
            "أرجو توفير موعد أقرب لوالدتي المسنة في عيادة السكري، فالموعد المتاح بعد أربعة أشهر وحالتها "
            "لا تحتمل الانتظار.",
        ),
        (
            "suggestion",
            "ar",
            "ليش ما يفتحون المركز الصحي في {area} يوم السبت؟ وايد ناس يشتغلون طول الأسبوع وما يقدرون "
            "يراجعون.",
        ),
        (
            "compliment",
            "ar",
            "أشكر طاقم التمريض في المركز الصحي في {area} على حسن التعامل والاهتمام بوالدي أثناء الغيار "
            "اليومي لجرحه.",
        ),
        (
            "inquiry",
            "en",
            "How can I get my vaccination record printed in English for a visa application? The health "
            "centre in {area} told me to ask online.",
        ),
    ],
    "education_services": [
        (
            "complaint",
            "ar",
            "الحافلة المدرسية لمدرسة {area} الابتدائية للبنين تتأخر يومياً نصف ساعة، ويصل الأطفال بعد بدء "
            "الحصة الأولى.",
        ),
        (
            "request",
            "ar",
            "نرجو نقل ابنتي إلى مدرسة أقرب لسكننا في مجمع {block}، فالمدرسة الحالية بعيدة ولا تتوفر لنا "
            "مواصلات.",
        ),
        (
            "complaint",
            "ar",
            "المكيفات في فصول مدرسة ولدي في {area} خربانة من بداية السنة، والعيال يدرسون في حر شديد.",
        ),
        (
            "suggestion",
            "ar",
            "أقترح تنظيم دخول السيارات أمام مدرسة البنات في مجمع {block} وتخصيص مواقف للحافلات، فالازدحام "
            "الصباحي خانق.",
        ),
        (
            "inquiry",
            "en",
            "What documents do I need to register my son in Grade 1 at a government school in {area}? We "
            "recently moved from Muharraq.",
        ),
    ],
    "public_transport": [
        (
            "request",
            "ar",
            "نطلب تركيب مظلة ومقاعد في محطة الحافلات في شارع {road} بمجمع {block}، فالركاب ينتظرون تحت "
            "الشمس.",
        ),
        (
            "suggestion",
            "ar",
            "أقترح إضافة خط حافلات يربط {area} بمجمع السلمانية الطبي مباشرة، فأغلب المراجعين من كبار السن "
            "لا يملكون سيارات.",
        ),
        (
            "complaint",
            "ar",
            "الباص يمر على محطة مجمع {block} قبل الموعد المكتوب بعشر دقايق، وكل يوم يفوتني وأتأخر على "
            "الدوام.",
        ),
        (
            "complaint",
            "en",
            "The bus to {area} is often 40 minutes late in the morning and sometimes does not come at all. "
            "I was late for work twice this week.",
        ),
        (
            "inquiry",
            "en",
            "Is there a monthly bus pass for university students, and where can I buy it?",
        ),
    ],
    "eservices_documents": [
        (
            "complaint",
            "ar",
            "لا أستطيع الدخول إلى حسابي في البوابة الوطنية منذ تحديث المفتاح الإلكتروني، وتظهر رسالة خطأ "
            "في كل مرة.",
        ),
        (
            "inquiry",
            "ar",
            "انتهت صلاحية بطاقتي الذكية، هل يمكن تجديدها إلكترونياً أم يجب الحضور إلى المركز؟ وما "
            "المستندات المطلوبة؟",
        ),
        (
            "complaint",
            "ar",
            "دفعت رسوم تجديد البطاقه من التطبيق وانخصم المبلغ مرتين من حسابي، ابي استرجاع المبلغ الزايد",
        ),
        (
            "suggestion",
            "ar",
            "أقترح إضافة خدمة تحديث العنوان في البطاقة الذكية عبر التطبيق دون الحاجة لمراجعة المركز.",
        ),
        (
            "inquiry",
            "en",
            "I'm a resident and lost my CPR card. How do I request a replacement, and can I still travel "
            "with my passport in the meantime?",
        ),
        (
            "complaint",
            "en",
            "The eKey app keeps asking me to verify my face and then fails. I cannot access any government "
            "service since last week.",
        ),
    ],
    "social_assistance": [
        (
            "request",
            "ar",
            "أنا أرملة وأعيل أربعة أطفال، وراتبي التقاعدي لا يكفي. أرجو النظر في طلبي للحصول على المساعدة "
            "الاجتماعية.",
        ),
        (
            "inquiry",
            "ar",
            "توقف صرف علاوة الغلاء لأسرتي هذا الشهر دون إشعار، أرجو إفادتي بالسبب وكيف أعيد التسجيل.",
        ),
        (
            "request",
            "ar",
            "زوجي تعبان وما يقدر يشتغل من سنة، وعلينا إيجار متأخر ثلاث شهور. نبي مساعدة لين يتحسن الوضع.",
        ),
        (
            "inquiry",
            "en",
            "What are the conditions for the disability allowance for my brother? He has a medical report "
            "from Salmaniya hospital.",
        ),
    ],
    "elderly_disability_care": [
        (
            "request",
            "ar",
            "والدتي مسنة وطريحة الفراش في {area}، ونطلب زيارة منزلية من فريق الرعاية وتوفير سرير طبي "
            "وكرسي متحرك.",
        ),
        (
            "request",
            "ar",
            "أبوي عمره ٨٥ ويعيش بروحه في {area}، نبي أحد يمر عليه يومياً أو نسجله في نادي الوالدين.",
        ),
        (
            "suggestion",
            "ar",
            "نقترح تخصيص مواقف لذوي الإعاقة قريبة من مدخل السوق المركزي في {area}، فالمواقف الحالية بعيدة.",
        ),
        (
            "compliment",
            "ar",
            "أشكر فريق دار الرعاية النهارية على الاهتمام بوالدي، فقد تحسنت حالته النفسية كثيراً.",
        ),
        (
            "complaint",
            "en",
            "The ramp at the social centre in {area} is too steep for wheelchairs and has no handrail. My "
            "mother could not get in last week.",
        ),
    ],
    "family_community_programs": [
        (
            "inquiry",
            "ar",
            "هل ستنظم المحافظة برنامجاً صيفياً للأطفال هذا العام؟ وما طريقة التسجيل والرسوم إن وجدت؟",
        ),
        (
            "suggestion",
            "ar",
            "أقترح تنظيم دورات للأمهات في التعامل مع الأبناء في سن المراهقة في المركز المجتمعي في {area}، "
            "مساءً حتى تتمكن العاملات من الحضور.",
        ),
        (
            "request",
            "ar",
            "نبي المحافظة تسوي محاضرات توعوية للشباب عن المخدرات في المجلس الأسبوعي، صار في حالات في "
            "المنطقة.",
        ),
        (
            "compliment",
            "ar",
            "شكراً للمحافظة على فعالية اليوم العائلي في ساحل {area}، كانت منظمة وممتعة للكبار والصغار.",
        ),
        (
            "request",
            "en",
            "Our neighbourhood group in {area} would like to organise a clean-up day with the governorate. "
            "Who should we contact to arrange it?",
        ),
    ],
    "youth_employment": [
        (
            "request",
            "ar",
            "أنا خريج محاسبة منذ سنتين ولم أحصل على وظيفة رغم تسجيلي في وزارة العمل، أرجو مساعدتي في "
            "الترشيح لوظيفة مناسبة.",
        ),
        (
            "inquiry",
            "ar",
            "هل توجد برامج تدريب مدفوعة للخريجين الجدد في مجال تقنية المعلومات؟ وكيف يمكن التسجيل فيها؟",
        ),
        (
            "complaint",
            "ar",
            "رشحوني لوظيفة بعيدة وراتبها ٣٠٠ دينار وأنا معي بكالوريوس هندسة، ولما رفضت قالوا بيوقفون "
            "إعانة التعطل.",
        ),
        (
            "inquiry",
            "en",
            "My employer has not paid my salary for two months. Where can I file a complaint, and do I need "
            "a lawyer?",
        ),
        (
            "suggestion",
            "en",
            "Suggest holding a career fair in {area} for school leavers; most job fairs are in Manama and "
            "far for us.",
        ),
    ],
    "home_repair": [
        (
            "request",
            "ar",
            "أطلب ترميم منزل والدتي المسنة في مجمع {block} في {area}، فالسقف يتسرب منه الماء عند المطر "
            "والجدران متشققة والأسلاك الكهربائية مكشوفة.",
        ),
        (
            "request",
            "ar",
            "بيتنا قديم وايد في {area}، الحمام خربان والسقف فيه شقوق، وعندنا أخوي معاق. نبي نسجل في مشروع "
            "ترميم البيوت.",
        ),
        (
            "inquiry",
            "ar",
            "تقدمت بطلب ترميم المنزل قبل سنة وتمت المعاينة، متى سيبدأ العمل؟ الوضع يزداد سوءاً مع الأمطار.",
        ),
        (
            "compliment",
            "ar",
            "شكراً للمحافظة على ترميم بيت جدتي، أصبح البيت آمناً وجميلاً، والعمال كانوا محترمين ومنظمين.",
        ),
        (
            "request",
            "en",
            "My elderly father lives alone in an old house in Block {block}. The kitchen ceiling is falling "
            "in. Is he eligible for the home repair programme?",
        ),
    ],
    "other": [
        (
            "inquiry",
            "ar",
            "كيف يمكنني حجز موعد لمقابلة المحافظ في المجلس الأسبوعي لطرح موضوع يخص أهالي {area}؟",
        ),
        (
            "suggestion",
            "ar",
            "أقترح إنشاء مجلس افتراضي شهري لأهالي {area} حتى يتمكن العاملون في المساء من المشاركة.",
        ),
        (
            "compliment",
            "ar",
            "أتقدم بالشكر لموظفة خدمة العملاء في المحافظة على سعة صدرها ومتابعتها لطلبي حتى النهاية.",
        ),
        (
            "request",
            "ar",
            "في كلاب ضالة وايد عند المدرسة في مجمع {block} والأطفال يخافون يمشون، نبي أحد يتصرف.",
        ),
        (
            "complaint",
            "en",
            "I called the governorate hotline three times about stray dogs in Block {block} and nobody "
            "called back.",
        ),
        (
            "inquiry",
            "en",
            "Where can I get a letter from the governorate confirming my address? The bank asked for one.",
        ),
    ],
}

# Bahraini first and family names, Arabic with their usual English spelling.
MALE_NAMES = [
    ("محمد", "Mohammed"),
    ("أحمد", "Ahmed"),
    ("علي", "Ali"),
    ("حسين", "Hussain"),
    ("عبدالله", "Abdulla"),
    ("يوسف", "Yusuf"),
    ("خالد", "Khalid"),
    ("جاسم", "Jassim"),
    ("عيسى", "Isa"),
    ("سلمان", "Salman"),
    ("حمد", "Hamad"),
    ("راشد", "Rashid"),
    ("إبراهيم", "Ebrahim"),
    ("جعفر", "Jaffar"),
    ("حسن", "Hasan"),
    ("عبدالرحمن", "Abdulrahman"),
    ("صالح", "Saleh"),
    ("مهدي", "Mahdi"),
]
FEMALE_NAMES = [
    ("فاطمة", "Fatima"),
    ("مريم", "Maryam"),
    ("زينب", "Zainab"),
    ("نورة", "Noora"),
    ("عائشة", "Aysha"),
    ("شيخة", "Shaikha"),
    ("لطيفة", "Latifa"),
    ("منيرة", "Muneera"),
    ("هدى", "Huda"),
    ("سارة", "Sara"),
    ("دانة", "Dana"),
    ("أمينة", "Amina"),
    ("بتول", "Batool"),
    ("خلود", "Khulood"),
]
FAMILY_NAMES = [
    ("الدوسري", "Al Dosari"),
    ("البوعينين", "Al Buainain"),
    ("الكعبي", "Al Kaabi"),
    ("المناعي", "Al Mannai"),
    ("الجودر", "Al Jowder"),
    ("الحداد", "Al Haddad"),
    ("العلوي", "Alalawi"),
    ("الموسوي", "Al Mousawi"),
    ("المطوع", "Al Mutawa"),
    ("الزياني", "Alzayani"),
    ("بوخماس", "Bukhammas"),
    ("الخياط", "Alkhayyat"),
    ("الصباغ", "Al Sabbagh"),
    ("الرميحي", "Al Romaihi"),
    ("النعيمي", "Al Noaimi"),
    ("المسلم", "Al Musallam"),
    ("الشيخ", "Alshaikh"),
    ("عبدالكريم", "Abdulkarim"),
    ("بوعلاي", "Buallay"),
    ("الكوهجي", "Al Kooheji"),
    ("جناحي", "Janahi"),
    ("العصفور", "Alasfoor"),
]
# Residents who write in English.
RESIDENT_NAMES = [
    "Rajesh Kumar",
    "Maria Santos",
    "Anil Menon",
    "Priya Nair",
    "James Whitfield",
    "Farhan Qureshi",
    "Joy Dela Cruz",
    "Samira Haddad",
    "Sunil Fernando",
    "Emma Clarke",
]

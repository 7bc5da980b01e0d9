"""The three flavours of the demo shop: headers, names, places, money, calendar
and comments in English, Arabic and Persian. The behaviour (who buys what, how
often) is make_demo.py's; this file only says how each flavour writes it.

Headers are the ones Nimrokh's schema recognises (checked with
`nimrokh inspect`); where it recognises no Arabic or Persian header for a
column, the English one is kept (see demo/README.md).
"""

import datetime as dt
import math

KINDS = ["deal_seekers", "affluent_loyal", "families", "lapsed", "newcomers"]
CATEGORY_KEYS = ["fashion", "shoes", "electronics", "phone", "home",
                 "beauty", "kids", "grocery", "sports", "books"]
# Typical price of one item, in US dollars (each flavour converts).
TYPICAL_USD = dict(fashion=30, shoes=60, electronics=110, phone=16, home=38,
                   beauty=22, kids=20, grocery=9, sports=35, books=14)
# Loyalty tiers from two years' net spend, in US dollars.
TIER_USD = (300, 1000, 2500)


class Season:
    """Relative order rate by date: 1 outside the listed periods."""

    def __init__(self, periods):
        self.periods = [(dt.date.fromisoformat(a), dt.date.fromisoformat(b), f) for a, b, f in periods]
        self.peak = max([1.0] + [f for _, _, f in self.periods])

    def weight(self, day):
        for first, last, factor in self.periods:
            if first <= day <= last:
                return factor
        return 1.0


def gregorian_to_jalali(day):
    """Solar Hijri (Jalali) year, month, day of a Gregorian date.

    The arithmetic algorithm of jdf.scr.ir (Borkowski's 33-year cycles, valid
    1800-2200 CE); checked against jdatetime's 1,603 dates in
    tests/fixtures/jalali_jdatetime.csv by tests/tools/demo/check_demo.py.
    """
    gy, gm, gd = day.year, day.month, day.day
    g_d_m = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
    gy2 = gy + 1 if gm > 2 else gy
    days = (355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400
            + gd + g_d_m[gm - 1])
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


class Locale:
    """How one flavour writes the shop."""

    stream = 0
    headers = {}
    first_names = {}
    places = []  # (city, region or country, weight, income factor, surname group)
    capitals = ()  # cities where the affluent live more often
    channels = []
    devices = []
    genders = {}
    tiers = []
    categories = {}
    usd = 1.0  # local currency units per US dollar
    typical_income = 1.0
    season = Season([])
    comments = {}

    category_keys = CATEGORY_KEYS

    @property
    def typical_price(self):
        return {k: v * self.usd for k, v in TYPICAL_USD.items()}

    @property
    def tier_thresholds(self):
        return tuple(t * self.usd for t in TIER_USD)

    def female_share(self, kind):
        return {"families": 0.6, "deal_seekers": 0.55}.get(kind, 0.5)

    def place_weights(self, kind):
        boost = 2.5 if kind == "affluent_loyal" else 1.0
        return [p[2] * (boost if p[0] in self.capitals else 1.0) for p in self.places]

    def place_income(self, place):
        return place[3]

    def last_names_for(self, place):
        return self.last_names[place[4]]

    def income(self, multiple):
        raise NotImplementedError

    def price(self, amount):
        raise NotImplementedError

    def date(self, day):
        return day.isoformat()

    def full_name(self, c):
        return f"{c['first'][0]} {c['last'][0]}"

    def gender_label(self, gender):
        return "" if gender is None else self.genders[gender]

    def city_label(self, place):
        return place[0]

    def region_label(self, place):
        return place[1]

    def money(self, amount):
        return f"{amount:.2f}"

    def transaction_row(self, order, customer, date, category, quantity, unit):
        return (order, customer, date, category, quantity, self.money(unit),
                self.money(quantity * unit))


# --- English: a US/UK online shop, US dollars ---------------------------------

class English(Locale):
    stream = 1
    headers = dict(
        customers=["customer_id", "name", "gender", "age", "city", "country",
                   "annual_income", "signup_date", "acquisition_channel", "device",
                   "email", "loyalty_tier"],
        transactions=["order_id", "customer_id", "order_date", "category", "quantity",
                      "unit_price", "total"],
        feedback=["customer_id", "response_date", "nps_score", "comment"],
    )
    first_names = {
        "f": [(n, n.lower()) for n in [
            "Emma", "Olivia", "Ava", "Sophia", "Isabella", "Mia", "Charlotte", "Amelia",
            "Emily", "Grace", "Chloe", "Lily", "Hannah", "Sarah", "Jessica", "Laura",
            "Rachel", "Megan", "Zoe", "Lucy", "Priya", "Maria", "Aisha", "Nicole"]],
        "m": [(n, n.lower()) for n in [
            "Liam", "Noah", "James", "Oliver", "William", "Benjamin", "Lucas", "Henry",
            "Jack", "Daniel", "Michael", "David", "Thomas", "Samuel", "Ryan", "Matthew",
            "Ethan", "Joshua", "Harry", "George", "Carlos", "Omar", "Kevin", "Arjun"]],
    }
    last_names = {"any": [(n, n.lower()) for n in [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia",
        "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin", "Jackson", "White",
        "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King", "Wright", "Evans",
        "Roberts", "Patel", "Khan", "Murphy", "Kelly", "Nguyen", "Lopez", "Baker", "Green",
        "Adams", "Campbell", "Mitchell", "Turner", "Phillips", "Parker", "Edwards", "Collins",
        "Stewart", "Morris", "Cooper", "Reed", "Bailey", "Ward"]]}
    US, UK = "United States", "United Kingdom"
    places = [
        ("New York", US, 10, 1.2, "any"), ("Los Angeles", US, 8, 1.1, "any"),
        ("Chicago", US, 6, 1.0, "any"), ("Houston", US, 5, 0.95, "any"),
        ("Phoenix", US, 3, 0.9, "any"), ("Seattle", US, 4, 1.2, "any"),
        ("Boston", US, 4, 1.15, "any"), ("Austin", US, 3, 1.05, "any"),
        ("Atlanta", US, 3, 0.95, "any"), ("Denver", US, 3, 1.0, "any"),
        ("London", UK, 9, 1.1, "any"), ("Manchester", UK, 4, 0.85, "any"),
        ("Birmingham", UK, 3, 0.8, "any"), ("Leeds", UK, 2, 0.8, "any"),
        ("Glasgow", UK, 2, 0.8, "any"), ("Bristol", UK, 2, 0.9, "any"),
        ("Edinburgh", UK, 2, 0.9, "any"),
    ]
    capitals = ("New York", "London")
    channels = ["Website", "Mobile app", "Social media", "Email", "Search ads"]
    devices = ["Mobile", "Desktop", "Tablet"]
    genders = {"f": "Female", "m": "Male"}
    tiers = ["Bronze", "Silver", "Gold", "Platinum"]
    categories = dict(fashion="Fashion", shoes="Shoes", electronics="Electronics",
                      phone="Phone accessories", home="Home & kitchen", beauty="Beauty",
                      kids="Kids & toys", grocery="Grocery", sports="Sports", books="Books")
    usd = 1.0
    typical_income = 62000  # a year
    season = Season([
        ("2023-07-10", "2023-07-14", 1.5), ("2024-07-15", "2024-07-19", 1.5),  # summer sale
        ("2023-11-20", "2023-11-28", 1.9), ("2024-11-25", "2024-12-03", 1.9),  # Black Friday
        ("2023-11-29", "2023-12-20", 1.4), ("2024-12-04", "2024-12-20", 1.4),  # Christmas
        ("2023-12-26", "2024-01-07", 1.2), ("2024-12-26", "2025-01-07", 1.2),  # January sales
    ])

    def income(self, multiple):
        return int(round(multiple * self.typical_income / 500.0) * 500)

    def price(self, amount):
        return max(0.99, math.floor(amount) + 0.99)

    comments = {
        "any": {
            "pos": ["Great shop, I will definitely order again.", "Everything was perfect, thank you!",
                    "Excellent service from start to finish.", "Really happy with my order.",
                    "No problems at all, highly recommend.", "Love it, the best online shop I have used."],
            "neu": ["It was okay, nothing special.", "Decent overall, a few things could be better.",
                    "Fine, the order arrived as described.", "Average experience, not bad but not great either.",
                    "Good products but the website is a bit slow.", "Mostly satisfied."],
            "neg": ["Very disappointed with this order.", "Not happy at all, I expected much better.",
                    "Terrible experience, I would not recommend this shop.",
                    "Poor customer service, nobody answered my emails.",
                    "The worst online order I have made this year.", "Not worth the money."],
        },
        "deal_seekers": {
            "pos": ["Amazing deals, the discount codes are great value.",
                    "Cheap prices and free shipping over $30, love it.",
                    "The app makes it easy to find the sales, brilliant."],
            "neu": ["Prices are good but shipping costs too much on small orders.",
                    "Nice discounts, though the sizes run small.",
                    "Good value, delivery took a week though."],
            "neg": ["Prices went up and the coupons are useless.",
                    "The cheap charger broke after two uses, waste of money.",
                    "Shipping fees are ridiculous for a small order."],
        },
        "affluent_loyal": {
            "pos": ["Beautiful quality and lovely packaging.",
                    "The support team is excellent, very helpful staff.",
                    "Premium products that are worth every penny."],
            "neu": ["High quality items, but the delivery window was not convenient.",
                    "Good selection, a little expensive.",
                    "Quality is fine, the gift wrap was missing."],
            "neg": ["For these prices the quality is not acceptable.",
                    "The leather bag arrived scratched and damaged.",
                    "Disappointing support, they treat old customers badly."],
        },
        "families": {
            "pos": ["Our weekly order always arrives on time, a real help with the kids.",
                    "Great range of toys and baby products, the kids love them.",
                    "Bulk packs save us a lot of money, great value."],
            "neu": ["Useful for the family shop, but some items are often out of stock.",
                    "Delivery slots fill up fast at weekends.",
                    "The kids' clothes are good but the sizes vary."],
            "neg": ["Half of my order was missing and the kids needed those things.",
                    "Nappies were out of stock again, very frustrating.",
                    "The toy was broken when it arrived."],
        },
        "lapsed": {
            "pos": ["It used to be my favourite shop, I liked it a lot.",
                    "Good products back when I ordered regularly.",
                    "Delivery used to be quick and good."],
            "neu": ["I stopped ordering, other shops are cheaper now.",
                    "Not bad, but I have not needed anything lately.",
                    "The quality dropped a little over the years."],
            "neg": ["My refund took two months, awful service.",
                    "Late delivery three times in a row, so frustrating.",
                    "Customer service ignored my complaint about a damaged parcel.",
                    "I returned the item and still have not received my money, unacceptable."],
        },
        "newcomers": {
            "pos": ["First order and it was smooth, easy checkout.",
                    "Quick delivery on my first purchase, impressed.",
                    "Signed up last month and I am very pleased so far."],
            "neu": ["First order arrived fine, let's see how the next one goes.",
                    "Checkout was easy, the welcome discount was small.",
                    "Still new here, the range looks decent."],
            "neg": ["My first order was cancelled without explanation, not a good start.",
                    "The welcome code was broken, an annoying start.",
                    "Registration was confusing and the parcel was late."],
        },
    }


# --- Arabic: a Gulf shop shipping to the GCC and Egypt, Saudi riyals ---------

class Arabic(Locale):
    stream = 2
    headers = dict(
        customers=["رقم العميل", "الاسم", "الجنس", "العمر", "المدينة", "الدولة",
                   "الدخل الشهري (ريال)", "تاريخ التسجيل", "القناة", "الجهاز",
                   "البريد الإلكتروني", "مستوى الولاء"],
        # No Arabic header names the order number for Nimrokh: order_id stays.
        transactions=["order_id", "رقم العميل", "التاريخ", "فئة المنتج", "الكمية",
                      "المبلغ الإجمالي", "السعر للوحدة"],
        feedback=["رقم العميل", "التاريخ", "درجة التوصية", "تعليق العميل"],
    )
    first_names = {
        "f": [("فاطمة", "fatima"), ("نورة", "noura"), ("سارة", "sara"), ("مريم", "maryam"),
              ("ريم", "reem"), ("هند", "hind"), ("لطيفة", "latifa"), ("عائشة", "aisha"),
              ("دانة", "dana"), ("منى", "mona"), ("هدى", "huda"), ("ياسمين", "yasmin"),
              ("لمى", "lama"), ("شهد", "shahad"), ("رنا", "rana"), ("أمل", "amal"),
              ("جواهر", "jawaher"), ("العنود", "alanoud"), ("بشاير", "bashayer"), ("غادة", "ghada"),
              ("رهف", "rahaf"), ("أسماء", "asma"), ("خلود", "kholoud"), ("ملك", "malak")],
        "m": [("محمد", "mohammed"), ("أحمد", "ahmed"), ("عبدالله", "abdullah"), ("خالد", "khaled"),
              ("فهد", "fahad"), ("سلطان", "sultan"), ("عمر", "omar"), ("يوسف", "yousef"),
              ("ناصر", "nasser"), ("سعود", "saud"), ("علي", "ali"), ("حسن", "hassan"),
              ("محمود", "mahmoud"), ("طارق", "tarek"), ("ماجد", "majed"), ("فيصل", "faisal"),
              ("تركي", "turki"), ("بندر", "bandar"), ("نواف", "nawaf"), ("راشد", "rashid"),
              ("حمد", "hamad"), ("زياد", "ziad"), ("مشعل", "mishal"), ("كريم", "karim")],
    }
    last_names = {
        "gulf": [("العتيبي", "alotaibi"), ("القحطاني", "alqahtani"), ("الشمري", "alshammari"),
                 ("الحربي", "alharbi"), ("الدوسري", "aldosari"), ("الغامدي", "alghamdi"),
                 ("الزهراني", "alzahrani"), ("المطيري", "almutairi"), ("الكعبي", "alkaabi"),
                 ("المنصوري", "almansoori"), ("الهاجري", "alhajri"), ("العنزي", "alanazi"),
                 ("الشامسي", "alshamsi"), ("الكواري", "alkuwari"), ("السبيعي", "alsubaie"),
                 ("البلوشي", "albalushi"), ("الرشيدي", "alrashidi"), ("السهلي", "alsahli"),
                 ("الظاهري", "aldhaheri"), ("المري", "almarri")],
        "egypt": [("السيد", "elsayed"), ("عبدالرحمن", "abdelrahman"), ("حسين", "hussein"),
                  ("إبراهيم", "ibrahim"), ("مصطفى", "mostafa"), ("النجار", "elnaggar"),
                  ("فؤاد", "fouad"), ("الشريف", "elsherif"), ("عثمان", "osman"), ("سليمان", "soliman"),
                  ("عبدالعزيز", "abdelaziz"), ("منصور", "mansour"), ("جمال", "gamal"), ("رمضان", "ramadan")],
    }
    SA, AE, KW, QA, EG = "السعودية", "الإمارات", "الكويت", "قطر", "مصر"
    places = [
        ("الرياض", SA, 12, 1.1, "gulf"), ("جدة", SA, 9, 1.0, "gulf"),
        ("الدمام", SA, 5, 1.0, "gulf"), ("مكة المكرمة", SA, 3, 0.85, "gulf"),
        ("المدينة المنورة", SA, 2, 0.85, "gulf"), ("دبي", AE, 7, 1.4, "gulf"),
        ("أبوظبي", AE, 4, 1.4, "gulf"), ("الشارقة", AE, 3, 1.0, "gulf"),
        ("مدينة الكويت", KW, 4, 1.3, "gulf"), ("الدوحة", QA, 3, 1.5, "gulf"),
        ("القاهرة", EG, 7, 0.35, "egypt"), ("الإسكندرية", EG, 3, 0.3, "egypt"),
        ("الجيزة", EG, 2, 0.3, "egypt"),
    ]
    capitals = ("الرياض", "دبي", "الدوحة")
    channels = ["الموقع", "التطبيق", "وسائل التواصل", "النشرة البريدية", "إعلانات البحث"]
    devices = ["جوال", "كمبيوتر", "تابلت"]
    genders = {"f": "أنثى", "m": "ذكر"}
    tiers = ["برونزي", "فضي", "ذهبي", "بلاتيني"]
    categories = dict(fashion="أزياء", shoes="أحذية", electronics="إلكترونيات",
                      phone="إكسسوارات الجوال", home="المنزل والمطبخ", beauty="العناية والجمال",
                      kids="الأطفال والألعاب", grocery="البقالة", sports="الرياضة", books="الكتب")
    usd = 3.75
    typical_income = 14000  # a month, riyals
    season = Season([
        ("2023-09-18", "2023-09-23", 1.3), ("2024-09-18", "2024-09-23", 1.3),  # National Day
        ("2023-11-17", "2023-11-30", 1.7), ("2024-11-22", "2024-12-02", 1.7),  # White Friday
        ("2024-02-28", "2024-04-09", 1.7), ("2025-02-18", "2025-03-29", 1.7),  # Ramadan and Eid
        ("2024-06-05", "2024-06-15", 1.4), ("2025-05-26", "2025-06-05", 1.4),  # Eid al-Adha
        ("2023-07-15", "2023-08-25", 0.8), ("2024-07-15", "2024-08-25", 0.8),  # summer away
    ])

    def income(self, multiple):
        return int(round(multiple * self.typical_income / 100.0) * 100)

    def transaction_row(self, order, customer, date, category, quantity, unit):
        # The line total comes before the unit price: Nimrokh takes the first
        # money column as the value when no header says "total".
        return (order, customer, date, category, quantity, self.money(quantity * unit),
                self.money(unit))

    def price(self, amount):
        return float(max(9, round(amount / 5.0) * 5 - 1))

    def date(self, day):
        return day.strftime("%d/%m/%Y")

    comments = {
        "any": {
            "pos": ["متجر ممتاز وسأشتري مرة أخرى بالتأكيد.", "تجربة رائعة من البداية إلى النهاية، شكرا لكم!",
                    "خدمة ممتازة وتعامل محترم.", "أنا سعيد جدا بطلبي.",
                    "بدون مشاكل أبدا، أنصح به بشدة.", "أفضل متجر إلكتروني تعاملت معه."],
            "neu": ["الطلب عادي، لا شيء مميز.", "جيد بشكل عام، لكن هناك أشياء يمكن تحسينها.",
                    "وصل الطلب كما هو موصوف.", "تجربة متوسطة، ليست سيئة وليست رائعة.",
                    "المنتجات جيدة لكن الموقع بطيء قليلا.", "راض في الغالب."],
            "neg": ["خيبة أمل كبيرة من هذا الطلب.", "لست راضيا أبدا، توقعت أفضل بكثير.",
                    "تجربة سيئة جدا، لا أنصح بهذا المتجر.",
                    "خدمة العملاء ضعيفة، لم يرد أحد على رسائلي.",
                    "أسوأ طلب إلكتروني هذا العام.", "لا يستحق المال."],
        },
        "deal_seekers": {
            "pos": ["عروض رائعة وأكواد الخصم ممتازة.", "أسعار رخيصة وشحن مجاني، أحببت ذلك.",
                    "التطبيق سهل ويساعدني في إيجاد التخفيضات."],
            "neu": ["الأسعار جيدة لكن الشحن غالي على الطلبات الصغيرة.",
                    "خصومات حلوة، لكن المقاسات صغيرة.", "قيمة جيدة، لكن التوصيل أخذ أسبوعا."],
            "neg": ["الأسعار ارتفعت والكوبونات لا تعمل.",
                    "الشاحن الرخيص تعطل بعد استخدامين، خسارة.",
                    "رسوم الشحن غالية جدا على الطلبات الصغيرة."],
        },
        "affluent_loyal": {
            "pos": ["جودة عالية وتغليف أنيق.", "خدمة العملاء ممتازة وفريق متعاون جدا.",
                    "منتجات فاخرة تستحق كل ريال."],
            "neu": ["المنتجات بجودة عالية، لكن موعد التوصيل لم يكن مناسبا.",
                    "تشكيلة جيدة، لكنها غالية قليلا.", "الجودة جيدة، لكن تغليف الهدية لم يصل."],
            "neg": ["الجودة سيئة بالنسبة لهذه الأسعار.", "الحقيبة الجلدية وصلت مخدوشة وتالفة.",
                    "دعم مخيب للآمال لعميل قديم مثلي."],
        },
        "families": {
            "pos": ["الطلب الأسبوعي يصل دائما في الموعد، مساعدة كبيرة مع الأطفال.",
                    "تشكيلة رائعة من الألعاب ومنتجات الأطفال، والأولاد سعداء.",
                    "العبوات الكبيرة اقتصادية وتوفر علينا الكثير."],
            "neu": ["مفيد لمشتريات العائلة، لكن بعض المنتجات غير متوفرة غالبا.",
                    "مواعيد التوصيل في نهاية الأسبوع تمتلئ بسرعة.",
                    "ملابس الأطفال جيدة لكن المقاسات مختلفة."],
            "neg": ["نصف الطلب ناقص والأطفال كانوا بحاجة إليه.",
                    "الحفاضات غير متوفرة مرة أخرى، شيء مزعج جدا.", "اللعبة وصلت مكسورة."],
        },
        "lapsed": {
            "pos": ["كان متجري المفضل وكانت الخدمة جيدة في السابق.", "منتجات جيدة عندما كنت أطلب بانتظام.",
                    "كان التوصيل سريعا في الماضي."],
            "neu": ["توقفت عن الطلب، المتاجر الأخرى أرخص الآن.",
                    "ليس سيئا، لكنني لم أحتج شيئا مؤخرا.", "الجودة انخفضت قليلا مع الوقت."],
            "neg": ["استرجاع المبلغ أخذ شهرين، لن أطلب مرة أخرى.",
                    "تأخير في التوصيل ثلاث مرات متتالية، لن أعود.",
                    "خدمة العملاء تجاهلت شكواي عن طرد تالف.",
                    "رجعت المنتج ولم أستلم فلوسي حتى الآن."],
        },
        "newcomers": {
            "pos": ["أول طلب وكان كل شيء سهل وسلس.", "توصيل سريع لأول طلب، أعجبني.",
                    "سجلت الشهر الماضي وأنا مسرور جدا حتى الآن."],
            "neu": ["أول طلب وصل بشكل عادي، سنرى الطلب القادم.",
                    "الدفع سهل، لكن خصم الترحيب صغير.",
                    "ما زلت جديدا هنا، التشكيلة تبدو معقولة."],
            "neg": ["تم إلغاء طلبي الأول بدون أي توضيح، بداية سيئة.",
                    "كود الترحيب لا يعمل، بداية مخيبة.", "التسجيل معقد والطرد وصل متأخرا."],
        },
    }


# --- Persian: an Iranian shop, tomans, Jalali dates ---------------------------

class Persian(Locale):
    stream = 3
    headers = dict(
        customers=["کد مشتری", "نام مشتری", "جنسیت", "سن", "شهر", "استان",
                   "درآمد ماهانه (میلیون تومان)", "تاریخ عضویت", "کانال جذب", "دستگاه",
                   "ایمیل", "سطح وفاداری"],
        # No Persian header names the order number for Nimrokh: order_id stays.
        transactions=["order_id", "کد مشتری", "تاریخ خرید", "دسته‌بندی کالا", "تعداد",
                      "مبلغ کل (تومان)", "قیمت واحد (تومان)"],
        feedback=["کد مشتری", "تاریخ", "امتیاز توصیه", "نظر مشتری"],
    )
    first_names = {
        "f": [("زهرا", "zahra"), ("فاطمه", "fatemeh"), ("مریم", "maryam"), ("سارا", "sara"),
              ("نگار", "negar"), ("الهام", "elham"), ("مهسا", "mahsa"), ("نرگس", "narges"),
              ("شیما", "shima"), ("پریسا", "parisa"), ("سمیرا", "samira"), ("لیلا", "leila"),
              ("آزاده", "azadeh"), ("هانیه", "hanieh"), ("کیمیا", "kimia"), ("یگانه", "yeganeh"),
              ("ترانه", "taraneh"), ("رویا", "roya"), ("نازنین", "nazanin"), ("مینا", "mina"),
              ("سپیده", "sepideh"), ("فرشته", "fereshteh"), ("بهاره", "bahareh"), ("ریحانه", "reyhaneh")],
        "m": [("علی", "ali"), ("محمد", "mohammad"), ("رضا", "reza"), ("حسین", "hossein"),
              ("مهدی", "mehdi"), ("امیر", "amir"), ("حمید", "hamid"), ("سعید", "saeed"),
              ("مجید", "majid"), ("بهنام", "behnam"), ("آرش", "arash"), ("کیان", "kian"),
              ("پویا", "pouya"), ("سینا", "sina"), ("فرهاد", "farhad"), ("میلاد", "milad"),
              ("بابک", "babak"), ("کاوه", "kaveh"), ("نیما", "nima"), ("احسان", "ehsan"),
              ("جواد", "javad"), ("یاسر", "yaser"), ("شهرام", "shahram"), ("امید", "omid")],
    }
    last_names = {"any": [
        ("محمدی", "mohammadi"), ("حسینی", "hosseini"), ("احمدی", "ahmadi"), ("رضایی", "rezaei"),
        ("موسوی", "mousavi"), ("کریمی", "karimi"), ("صادقی", "sadeghi"), ("جعفری", "jafari"),
        ("رحیمی", "rahimi"), ("هاشمی", "hashemi"), ("قاسمی", "ghasemi"), ("نوری", "nouri"),
        ("کاظمی", "kazemi"), ("اکبری", "akbari"), ("زارعی", "zarei"), ("شریفی", "sharifi"),
        ("طاهری", "taheri"), ("یزدانی", "yazdani"), ("نجفی", "najafi"), ("مرادی", "moradi"),
        ("عباسی", "abbasi"), ("سلیمانی", "soleimani"), ("فراهانی", "farahani"), ("تهرانی", "tehrani"),
        ("شیرازی", "shirazi"), ("بهرامی", "bahrami"), ("ابراهیمی", "ebrahimi"), ("فتحی", "fathi")]}
    places = [
        ("تهران", "تهران", 20, 1.3, "any"), ("کرج", "البرز", 5, 1.0, "any"),
        ("مشهد", "خراسان رضوی", 8, 0.85, "any"), ("اصفهان", "اصفهان", 7, 0.95, "any"),
        ("شیراز", "فارس", 6, 0.95, "any"), ("تبریز", "آذربایجان شرقی", 5, 0.9, "any"),
        ("اهواز", "خوزستان", 3, 0.85, "any"), ("قم", "قم", 3, 0.8, "any"),
        ("رشت", "گیلان", 3, 0.85, "any"), ("کرمان", "کرمان", 2, 0.8, "any"),
        ("یزد", "یزد", 2, 0.85, "any"),
    ]
    capitals = ("تهران",)
    channels = ["وب‌سایت", "اپلیکیشن", "اینستاگرام", "خبرنامه", "جستجوی گوگل"]
    devices = ["موبایل", "دسکتاپ", "تبلت"]
    genders = {"f": "زن", "m": "مرد"}
    tiers = ["برنزی", "نقره‌ای", "طلایی", "الماسی"]
    categories = dict(fashion="پوشاک", shoes="کفش", electronics="کالای دیجیتال",
                      phone="لوازم جانبی موبایل", home="خانه و آشپزخانه",
                      beauty="آرایشی و بهداشتی", kids="کودک و اسباب‌بازی", grocery="سوپرمارکت",
                      sports="ورزشی", books="کتاب")
    usd = 60000.0  # tomans
    typical_income = 35  # a month, million tomans
    season = Season([
        ("2023-09-05", "2023-09-22", 1.3), ("2024-09-05", "2024-09-21", 1.3),  # back to school
        ("2023-11-20", "2023-11-26", 1.5), ("2024-11-25", "2024-12-01", 1.5),  # Black Friday sales
        ("2023-12-10", "2023-12-21", 1.3), ("2024-12-10", "2024-12-20", 1.3),  # Yalda
        ("2024-02-20", "2024-03-19", 1.8), ("2025-02-19", "2025-03-20", 1.8),  # before Nowruz
        ("2024-03-20", "2024-04-02", 0.6), ("2025-03-21", "2025-04-02", 0.6),  # Nowruz holidays
    ])

    def income(self, multiple):
        return max(8, int(round(multiple * self.typical_income)))

    def price(self, amount):
        return float(max(10000, round(amount / 5000.0) * 5000))

    def money(self, amount):
        return str(int(round(amount)))

    def transaction_row(self, order, customer, date, category, quantity, unit):
        # The line total comes before the unit price: Nimrokh takes the first
        # money column as the value when no header says "total".
        return (order, customer, date, category, quantity, self.money(quantity * unit),
                self.money(unit))

    def date(self, day):
        y, m, d = gregorian_to_jalali(day)
        return f"{y:04d}/{m:02d}/{d:02d}"

    comments = {
        "any": {
            "pos": ["فروشگاه عالی، حتما دوباره خرید می‌کنم.", "همه چیز بی‌نقص بود، ممنونم!",
                    "از اول تا آخر خدمات فوق العاده بود.", "واقعا از خریدم راضی هستم.",
                    "هیچ مشکلی نداشت، پیشنهاد می‌کنم.", "بهترین فروشگاه اینترنتی که تا حالا ازش خرید کردم."],
            "neu": ["معمولی بود، چیز خاصی نداشت.", "در کل خوب بود، ولی چند چیز می‌تونه بهتر بشه.",
                    "سفارش همون‌طور که توضیح داده بودن رسید.", "تجربه متوسط، نه بد نه عالی.",
                    "محصولات خوبه ولی سایت کمی کنده.", "تقریبا راضی هستم."],
            "neg": ["از این سفارش خیلی ناامید شدم.", "اصلا راضی نیستم، انتظار خیلی بیشتری داشتم.",
                    "تجربه افتضاح، این فروشگاه رو پیشنهاد نمی‌کنم.",
                    "پشتیبانی ضعیف، هیچ‌کس به پیام‌هام جواب نداد.",
                    "بدترین خرید اینترنتی امسال.", "به این قیمت ارزش نداره."],
        },
        "deal_seekers": {
            "pos": ["تخفیف‌ها عالیه و کدهای تخفیف واقعا به صرفه است.",
                    "قیمت‌ها ارزون و ارسال رایگان، خیلی خوبه.",
                    "اپلیکیشن راحته و حراجی‌ها رو زود پیدا می‌کنم."],
            "neu": ["قیمت‌ها مناسبه ولی هزینه ارسال برای سفارش کوچیک زیاده.",
                    "تخفیف‌ها خوبه، ولی سایزها کوچیکه.",
                    "ارزش خرید داره، ولی ارسال یک هفته طول کشید."],
            "neg": ["قیمت‌ها رفته بالا و کد تخفیف هم خرابه.",
                    "شارژر ارزون بعد از دو بار استفاده خراب شد.",
                    "هزینه ارسال برای سفارش کوچیک خیلی گرونه."],
        },
        "affluent_loyal": {
            "pos": ["کیفیت عالی و بسته‌بندی شیک.", "پشتیبانی فوق العاده، همکارها خیلی حرفه ای هستن.",
                    "محصولات باکیفیت که واقعا ارزشش رو داره."],
            "neu": ["اجناس باکیفیت، ولی زمان ارسال مناسب نبود.", "تنوع خوبه، کمی گرونه.",
                    "کیفیت خوبه، ولی کارت هدیه همراهش نبود."],
            "neg": ["با این قیمت‌ها کیفیت قابل قبول نیست.", "کیف چرمی خط و خش داشت.",
                    "برای مشتری قدیمی پشتیبانی ناامیدکننده بود."],
        },
        "families": {
            "pos": ["خرید هفتگی همیشه به موقع می‌رسه، برای بچه‌ها خیلی کمکه.",
                    "اسباب‌بازی‌ها و لوازم کودک عالیه، بچه‌ها عاشقشن.",
                    "بسته‌های بزرگ خیلی به صرفه است."],
            "neu": ["برای خرید خانواده مفیده، ولی بعضی کالاها اغلب ناموجوده.",
                    "زمان‌های ارسال آخر هفته زود پر می‌شه.",
                    "لباس بچه‌ها خوبه ولی سایزها یکسان نیست."],
            "neg": ["نصف سفارشم نرسید و بچه‌ها لازمش داشتن، خیلی بد بود.",
                    "پوشک دوباره ناموجود بود، واقعا اذیت شدم.", "اسباب‌بازی شکسته رسید."],
        },
        "lapsed": {
            "pos": ["قبلا فروشگاه مورد علاقه‌ام بود و ازش راضی بودم.", "وقتی مرتب خرید می‌کردم محصولات خوب بود.",
                    "قبلا ارسال سریع بود."],
            "neu": ["دیگه خرید نمی‌کنم، جاهای دیگه ارزون‌ترن.",
                    "بد نیست، ولی این اواخر چیزی لازم نداشتم.",
                    "کیفیت با گذشت زمان کمی پایین اومده."],
            "neg": ["برگشت پولم دو ماه طول کشید، افتضاح بود.",
                    "سه بار پشت سر هم دیر رسید، دیگه هرگز.",
                    "بسته آسیب‌دیده رسید و پشتیبانی به شکایتم جواب نداد، بی مسئولیتی محض.",
                    "کالا رو مرجوع کردم و هنوز پولم برنگشته."],
        },
        "newcomers": {
            "pos": ["اولین خریدم بود و خیلی راحت انجام شد.", "اولین سفارش سریع رسید، عالی بود.",
                    "ماه پیش عضو شدم و تا الان خیلی راضی هستم."],
            "neu": ["اولین سفارش سالم رسید، ببینیم بعدی چطوره.",
                    "پرداخت آسون بود، ولی تخفیف خوش‌آمدگویی کم بود.",
                    "هنوز تازه‌واردم، تنوع کالاها بد نیست."],
            "neg": ["اولین سفارشم بدون توضیح لغو شد، شروع بدی بود.",
                    "کد خوش‌آمدگویی کار نکرد، واقعا اذیت شدم.",
                    "ثبت نام گیج‌کننده بود و بسته دیر رسید."],
        },
    }


FLAVOURS = {"shop": English(), "shop-ar": Arabic(), "shop-fa": Persian()}

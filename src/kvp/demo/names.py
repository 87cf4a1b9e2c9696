"""Names for the demo office: its staff, and participants of many origins.

Names are common ones in each language, put together at random; no real person is meant.
A surname written "Kowalski/Kowalska" has a male and a female form.
"""

from __future__ import annotations

from dataclasses import dataclass


def names(text: str) -> tuple[str, ...]:
    """Comma-separated names as a tuple (keeps long lists compact)."""
    return tuple(name.strip() for name in text.split(","))


@dataclass(frozen=True)
class Origin:
    """Where a group of participants comes from, and the languages they speak."""

    country: str  # ISO 3166-1 alpha-2
    languages: tuple[str, ...]  # codes from kvp.participants.languages, the most spoken first
    interpreter_share: float  # share of people born there who need an interpreter
    female_share: float
    weight: int  # relative number of participants
    female_names: tuple[str, ...]
    male_names: tuple[str, ...]
    last_names: tuple[str, ...]

    def last_name(self, raw: str, *, female: bool) -> str:
        male_form, _slash, female_form = raw.partition("/")
        return female_form if female and female_form else male_form


@dataclass(frozen=True)
class StaffMember:
    username: str  # a NAV ident: a letter and six digits; Z99xxxx as in NAV's test environments
    first_name: str
    last_name: str
    is_counsellor: bool = False
    is_leader: bool = False
    is_administrator: bool = False
    may_view_shielded: bool = False


STAFF = (
    StaffMember("Z990101", "Ingrid", "Solheim", is_counsellor=True, may_view_shielded=True),
    StaffMember("Z990102", "Kristoffer", "Haugland", is_counsellor=True),
    StaffMember("Z990103", "Samira", "El Amrani", is_counsellor=True),
    StaffMember("Z990104", "Marte", "Lie Bakken", is_counsellor=True),
    StaffMember("Z990105", "Daniel", "Nguyen", is_counsellor=True),
    StaffMember("Z990106", "Hiwot", "Tesfaye", is_counsellor=True),
    StaffMember("Z990107", "Anne-Lise", "Strand", is_leader=True, may_view_shielded=True),
    StaffMember("Z990108", "Kamran", "Iqbal", is_administrator=True),
)
NAMED_COUNSELLORS = sum(member.is_counsellor for member in STAFF)
FIRST_GENERATED_IDENT = 990201  # counsellors added for large demo offices: Z990201, Z990202, ... up to Z999999

NORWAY = Origin(
    country="NO",
    languages=("nb",),
    interpreter_share=0.0,
    female_share=0.5,
    weight=18,
    female_names=names(
        "Kari, Ingrid, Silje, Marianne, Hanne, Camilla, Linn, Tone, Hilde, Kristine, Ida, Mona, Trine, Nina, Line, "
        "Heidi"
    ),
    male_names=names(
        "Ole, Lars, Thomas, Kjetil, Espen, Morten, Anders, Stian, Rune, Geir, Jørgen, Erik, Fredrik, Håkon, Tor, "
        "Kenneth"
    ),
    last_names=names(
        "Hansen, Johansen, Olsen, Larsen, Andersen, Pedersen, Nilsen, Kristiansen, Jensen, Karlsen, Berg, Haugen, "
        "Hagen, Johnsen, Halvorsen, Solberg, Lie, Andreassen"
    ),
)

ORIGINS = (
    NORWAY,
    Origin(
        country="SO",
        languages=("so",),
        interpreter_share=0.55,
        female_share=0.55,
        weight=12,
        female_names=names(
            "Amina, Fadumo, Hodan, Sahra, Ifrah, Hibo, Khadra, Nimco, Ubah, Faiza, Ayan, Ladan, Hawa, Sagal, Deqa"
        ),
        male_names=names(
            "Abdirahman, Mohamed, Ahmed, Abdullahi, Hassan, Yusuf, Mahad, Abdikarim, Omar, Liban, Bashir, Farah, "
            "Abdiaziz, Mustafe, Ilyas"
        ),
        last_names=names(
            "Hassan, Ali, Mohamed, Abdi, Warsame, Farah, Jama, Nur, Osman, Aden, Ismail, Hersi, Dahir, Yusuf, Egal"
        ),
    ),
    Origin(
        country="SY",
        languages=("ar",),
        interpreter_share=0.55,
        female_share=0.45,
        weight=9,
        female_names=names(
            "Rasha, Lina, Hala, Rania, Nour, Maha, Dima, Reem, Yasmin, Alaa, Ghada, Salam, Hiba, Rima, Samar"
        ),
        male_names=names(
            "Mohammad, Ahmad, Khaled, Omar, Rami, Bashar, Hussam, Tarek, Fadi, Wael, Anas, Majd, Yazan, Mahmoud, Samer"
        ),
        last_names=names(
            "Haddad, Khoury, Al-Ahmad, Darwish, Hamdan, Kassab, Mansour, Saleh, Al-Masri, Othman, Sabbagh, Qassem, "
            "Halabi, Zaher, Al-Jundi"
        ),
    ),
    Origin(
        country="ER",
        languages=("ti",),
        interpreter_share=0.6,
        female_share=0.45,
        weight=8,
        female_names=names(
            "Helen, Selam, Senait, Tsega, Yordanos, Feven, Lidia, Mebrat, Saba, Ruta, Hiwet, Winta, Semhar, Eden, Rahel"
        ),
        male_names=names(
            "Yonas, Dawit, Filmon, Tesfay, Habtom, Mehari, Samuel, Kibrom, Berhane, Merhawi, Yohannes, Efrem, "
            "Natnael, Robel, Amanuel"
        ),
        last_names=names(
            "Tesfamariam, Ghebremedhin, Haile, Berhe, Tekle, Mehari, Kidane, Gebreyesus, Woldu, Andemariam, Yemane, "
            "Asmerom, Negash, Okbay, Habte"
        ),
    ),
    Origin(
        country="AF",
        languages=("prs", "prs", "prs", "ps"),
        interpreter_share=0.6,
        female_share=0.45,
        weight=7,
        female_names=names(
            "Fatima, Zahra, Maryam, Shabnam, Farzana, Nargis, Mursal, Parwana, Sakina, Madina, Nilofar, Mahbooba, "
            "Freshta, Hamida, Laila"
        ),
        male_names=names(
            "Ahmad, Mohammad, Ali, Hamid, Rahim, Jawad, Mustafa, Sayed, Farid, Naveed, Sohrab, Wahid, Zabihullah, "
            "Habib, Reza"
        ),
        last_names=names(
            "Ahmadi, Hashimi, Rahimi, Sultani, Noori, Hussaini, Karimi, Mohammadi, Jafari, Sadat, Azizi, Rezai, "
            "Popal, Haidari, Amiri"
        ),
    ),
    Origin(
        country="IQ",
        languages=("ckb", "ckb", "ckb", "ar"),
        interpreter_share=0.55,
        female_share=0.45,
        weight=7,
        female_names=names(
            "Shilan, Avin, Nazdar, Shno, Rozhan, Dilan, Bahar, Sozan, Tara, Lana, Chiman, Kajal, Hana, Jwan, Zhino"
        ),
        male_names=names(
            "Karwan, Rebwar, Hawre, Sherzad, Dler, Aram, Hemin, Shwan, Zana, Bakhtiar, Rawand, Sarkawt, Kawa, Azad, "
            "Hiwa"
        ),
        last_names=names(
            "Ahmed, Abdullah, Mahmoud, Karim, Rashid, Aziz, Salih, Qadir, Hama, Rasul, Mustafa, Osman, Faraj, Baban, "
            "Jalal"
        ),
    ),
    Origin(
        country="PL",
        languages=("pl",),
        interpreter_share=0.5,
        female_share=0.4,
        weight=7,
        female_names=names(
            "Anna, Katarzyna, Agnieszka, Magdalena, Joanna, Monika, Ewa, Małgorzata, Aleksandra, Karolina, Justyna, "
            "Beata, Marta, Dorota, Natalia"
        ),
        male_names=names(
            "Piotr, Krzysztof, Tomasz, Paweł, Michał, Marcin, Łukasz, Grzegorz, Jakub, Adam, Marek, Dariusz, Kamil, "
            "Wojciech, Sebastian"
        ),
        last_names=names(
            "Nowak, Kowalski/Kowalska, Wiśniewski/Wiśniewska, Wójcik, Kowalczyk, Kamiński/Kamińska, "
            "Lewandowski/Lewandowska, Zieliński/Zielińska, Szymański/Szymańska, Woźniak, Dąbrowski/Dąbrowska, "
            "Kozłowski/Kozłowska, Jankowski/Jankowska, Mazur, Krawczyk"
        ),
    ),
    Origin(
        country="TR",
        languages=("tr",),
        interpreter_share=0.45,
        female_share=0.5,
        weight=5,
        female_names=names(
            "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Meryem, Hülya, Sevgi, Derya, Özlem, Gülsen, Esra, Büşra, Songül"
        ),
        male_names=names(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, Murat, Emre, Serkan, Yusuf, Ömer, Kemal, Cem, Volkan"
        ),
        last_names=names(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, Arslan, Doğan, Kılıç, "
            "Aslan, Çetin"
        ),
    ),
    Origin(
        country="PK",
        languages=("ur",),
        interpreter_share=0.4,
        female_share=0.5,
        weight=5,
        female_names=names(
            "Ayesha, Fatima, Sana, Nadia, Saima, Rabia, Samina, Shazia, Amna, Farah, Hina, Sadia, Bushra, Nazia, Uzma"
        ),
        male_names=names(
            "Imran, Tariq, Asif, Kamran, Usman, Bilal, Naveed, Shahid, Zeeshan, Faisal, Adnan, Waqas, Rizwan, Junaid, "
            "Arshad"
        ),
        last_names=names(
            "Khan, Ahmed, Hussain, Butt, Chaudhry, Malik, Iqbal, Raza, Javed, Shah, Akhtar, Aslam, Rana, Mirza, Anwar"
        ),
    ),
    Origin(
        country="UA",
        languages=("uk", "uk", "uk", "ru"),
        interpreter_share=0.6,
        female_share=0.65,
        weight=4,
        female_names=names(
            "Olena, Oksana, Iryna, Nataliia, Tetiana, Yuliia, Svitlana, Kateryna, Halyna, Olha, Mariia, Viktoriia, "
            "Anastasiia, Liudmyla, Inna"
        ),
        male_names=names(
            "Oleksandr, Andrii, Serhii, Volodymyr, Dmytro, Mykola, Ihor, Yurii, Vasyl, Oleh, Maksym, Bohdan, Taras, "
            "Roman, Vitalii"
        ),
        last_names=names(
            "Shevchenko, Kovalenko, Bondarenko, Tkachenko, Kravchenko, Melnyk, Boiko, Koval, Oliinyk, Lysenko, Moroz, "
            "Marchenko, Kovalchuk, Savchenko, Polishchuk"
        ),
    ),
    Origin(
        country="ET",
        languages=("am",),
        interpreter_share=0.5,
        female_share=0.55,
        weight=4,
        female_names=names(
            "Hiwot, Meron, Bethlehem, Tigist, Selamawit, Mekdes, Hanna, Aster, Almaz, Tsion, Kidist, Eyerusalem, "
            "Meseret, Birtukan, Liya"
        ),
        male_names=names(
            "Dawit, Abebe, Tewodros, Bereket, Yonatan, Solomon, Henok, Getachew, Mulugeta, Biniam, Kaleb, Ermias, "
            "Tesfaye, Girma, Abel"
        ),
        last_names=names(
            "Tadesse, Bekele, Alemu, Getachew, Kebede, Tesfaye, Haile, Mengistu, Wolde, Abera, Desta, Girma, Assefa, "
            "Tilahun, Worku"
        ),
    ),
    Origin(
        country="TH",
        languages=("th",),
        interpreter_share=0.55,
        female_share=0.85,
        weight=3,
        female_names=names(
            "Siriporn, Pranee, Somjai, Nattaya, Kanokwan, Wanida, Supaporn, Malee, Pornthip, Ratana, Jintana, Sunisa, "
            "Duangjai, Naree, Araya"
        ),
        male_names=names("Somchai, Anan, Prasert, Niran, Somsak, Chaiwat, Kittisak, Wichai, Thanakorn, Surachai"),
        last_names=names(
            "Srisuk, Saetang, Chaiyaporn, Boonmee, Kaewkla, Suwannarat, Phromma, Jaidee, Rattanakorn, Thongdee, "
            "Wongsa, Sukprasert, Intarasuk, Sangthong, Chanthavong"
        ),
    ),
    Origin(
        country="VN",
        languages=("vi",),
        interpreter_share=0.55,
        female_share=0.55,
        weight=3,
        female_names=names(
            "Thi Hoa, Thi Mai, Thi Lan, Ngoc Anh, Thu Trang, Thi Huong, Minh Thu, Thanh Hang, Bich Ngoc, Kim Lien"
        ),
        male_names=names(
            "Van Minh, Duc Anh, Van Hung, Quang Huy, Minh Tuan, Van Long, Thanh Son, Hoang Nam, Duc Thang, Van Phuc"
        ),
        last_names=names("Nguyen, Tran, Le, Pham, Hoang, Phan, Vu, Dang, Bui, Do, Ho, Ngo, Duong"),
    ),
    Origin(
        country="LT",
        languages=("lt",),
        interpreter_share=0.5,
        female_share=0.4,
        weight=3,
        female_names=names(
            "Rasa, Jurgita, Inga, Kristina, Asta, Vilma, Laura, Rūta, Aušra, Daiva, Edita, Ieva, Agnė, Simona, Lina"
        ),
        male_names=names(
            "Tomas, Mindaugas, Darius, Andrius, Giedrius, Marius, Vytautas, Paulius, Saulius, Rolandas, Donatas, "
            "Arūnas, Žydrūnas, Audrius, Kęstutis"
        ),
        last_names=names(
            "Kazlauskas/Kazlauskienė, Jankauskas/Jankauskienė, Petrauskas/Petrauskienė, Stankevičius/Stankevičienė, "
            "Vasiliauskas/Vasiliauskienė, Žukauskas/Žukauskienė, Butkus/Butkienė, Paulauskas/Paulauskienė, "
            "Urbonas/Urbonienė, Kavaliauskas/Kavaliauskienė, Navickas/Navickienė, Ramanauskas/Ramanauskienė, "
            "Baranauskas/Baranauskienė, Savickas/Savickienė, Rimkus/Rimkienė"
        ),
    ),
    Origin(
        country="CD",
        languages=("fr", "sw"),
        interpreter_share=0.55,
        female_share=0.5,
        weight=3,
        female_names=names(
            "Grace, Esther, Furaha, Neema, Chantal, Josephine, Aline, Solange, Mapendo, Riziki, Espérance, Bahati, "
            "Françoise, Nadine, Marie"
        ),
        male_names=names(
            "Jean-Pierre, Patrick, Emmanuel, Amani, Justin, Pascal, Désiré, Fiston, Christian, Eric, Alain, Baraka, "
            "Héritier, Blaise, Joseph"
        ),
        last_names=names(
            "Mukendi, Kasongo, Ilunga, Tshibangu, Mbuyi, Kalala, Ngoy, Mulumba, Bisimwa, Kabamba, Lukusa, Mwamba, "
            "Zawadi, Masudi, Bahizi"
        ),
    ),
    Origin(
        country="IR",
        languages=("fa",),
        interpreter_share=0.45,
        female_share=0.5,
        weight=3,
        female_names=names("Maryam, Shirin, Leila, Neda, Parisa, Mahsa, Fereshteh, Azadeh, Roya, Nasrin"),
        male_names=names("Reza, Ali, Mehdi, Hossein, Amir, Behrouz, Kaveh, Saeed, Babak, Dariush"),
        last_names=names(
            "Hosseini, Rezaei, Mohammadi, Ahmadi, Karimi, Moradi, Jafari, Rahimi, Sadeghi, Tehrani, Ebrahimi, "
            "Farahani, Kazemi, Nazari, Yazdani"
        ),
    ),
    Origin(
        country="LK",
        languages=("ta",),
        interpreter_share=0.4,
        female_share=0.5,
        weight=2,
        female_names=names(
            "Tharshini, Kavitha, Nirmala, Sharmila, Luxshana, Vanitha, Priya, Sumathy, Jeyarani, Mathumitha"
        ),
        male_names=names("Kumaran, Sivakumar, Rajan, Suresh, Nirojan, Thileepan, Kajan, Prashanth, Sutharsan, Mathan"),
        last_names=names(
            "Sivarajah, Thambirajah, Kanagaratnam, Selvarajah, Balasubramaniam, Arulanantham, Nadarajah, Yogarajah, "
            "Shanmugam, Rasiah"
        ),
    ),
    Origin(
        country="PH",
        languages=("en",),
        interpreter_share=0.0,
        female_share=0.75,
        weight=2,
        female_names=names(
            "Maria Cristina, Jennifer, Mary Grace, Rowena, Marites, Analyn, Jocelyn, Rosalie, Lorna, Maricel"
        ),
        male_names=names("Jose, Mark Anthony, Rodel, Ramon, Joel, Arnel, Romeo, Jun, Reynaldo, Noel"),
        last_names=names(
            "Santos, Reyes, Cruz, Bautista, Garcia, Mendoza, Dela Cruz, Ramos, Aquino, Villanueva, Castillo, Flores, "
            "Navarro, Fernandez, Torres"
        ),
    ),
)

#!/usr/bin/env python3
"""Writes events/corpus/email/: replies to a Touchpoint survey email as each mail client writes them.

Every message is composed here by the project, in the structure, quoting style, attribution line,
signature, charset and transfer encoding its client uses (Gmail, Outlook desktop, Outlook on the web,
Outlook for iOS and Android, Apple Mail on the iPhone, Thunderbird, Yahoo Mail, Samsung Email), in
Turkish and English; then out-of-office replies, delivery reports and list mail that must never be read
as an answer, and an unsubscribe request to the List-Unsubscribe address.

cases.tsv lists each file with what it must become: the kind (message, automatic, unsubscribe), the
author (the From address), and the new text the customer wrote ("\\n" for a line break).
Run it again after adding cases: python3 scripts/email-corpus.py
"""
import base64
import pathlib
import quopri

OUT = pathlib.Path(__file__).resolve().parent.parent / "events/corpus/email"
TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst"
REPLY_TO = f"reply+{TOKEN}@reply.touchpoint.example"
SURVEY_EN = "How likely are you to recommend Moda Store to a friend? Reply with a number from 0 to 10."
SURVEY_TR = "Moda Mağazası'nı bir arkadaşınıza tavsiye etme olasılığınız nedir? 0 ile 10 arasında bir sayıyla yanıtlayın."
cases = []


def headers(sender, subject, extra=(), message_id=None):
    lines = [
        "Return-Path: <" + sender.split("<")[-1].rstrip(">") + ">",
        "From: " + sender,
        "To: Touchpoint Anket <" + REPLY_TO + ">",
        "Subject: " + subject,
        "Date: Mon, 07 Dec 2026 10:42:13 +0300",
        "Message-ID: <" + (message_id or "corpus-" + str(len(cases)) + "@client.example") + ">",
        "In-Reply-To: <invitation-1@touchpoint.example>",
        "MIME-Version: 1.0",
    ]
    return "\r\n".join(lines + list(extra)) + "\r\n"


def qp(text, charset):
    return quopri.encodestring(text.replace("\n", "\r\n").encode(charset)).decode("ascii")


def b64(text, charset):
    raw = base64.encodebytes(text.replace("\n", "\r\n").encode(charset)).decode("ascii")
    return raw.replace("\n", "\r\n")


def write(name, data, kind, author, expected):
    (OUT / name).write_bytes(data if isinstance(data, bytes) else data.encode("ascii"))
    cases.append((name, kind, author, expected.replace("\n", "\\n")))


def main():
    OUT.mkdir(parents=True, exist_ok=True)

    # Gmail (web), English, top-posting: multipart/alternative; the attribution wrapped over two lines in text/plain.
    plain = ("9 - the staff were really helpful\n\nOn Mon, 7 Dec 2026 at 10:20, Touchpoint Anket <\n" + REPLY_TO
             + "> wrote:\n\n> " + SURVEY_EN + "\n>\n")
    html = ('<div dir="ltr">9 - the staff were really helpful</div><br><div class="gmail_quote gmail_quote_container">'
            '<div dir="ltr" class="gmail_attr">On Mon, 7 Dec 2026 at 10:20, Touchpoint Anket &lt;' + REPLY_TO
            + '&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">' + SURVEY_EN
            + '</blockquote></div>\n')
    body = ('Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60718"\r\n\r\n'
            '--000000000000a1b2c3d4e5f60718\r\nContent-Type: text/plain; charset="UTF-8"\r\n\r\n'
            + plain.replace("\n", "\r\n") + '\r\n--000000000000a1b2c3d4e5f60718\r\n'
            'Content-Type: text/html; charset="UTF-8"\r\n\r\n' + html.replace("\n", "\r\n")
            + '\r\n--000000000000a1b2c3d4e5f60718--\r\n')
    write("gmail-web-en.eml", headers("Ayla Demir <ayla.demir@gmail.example>", "Re: Moda Store: one question") + body,
          "message", "ayla.demir@gmail.example", "9 - the staff were really helpful")

    # Gmail (web), Turkish, HTML only (a client that sent no text/plain): every line a <div>, entities, gmail_quote.
    html = ('<div dir="ltr"><div>10 puan</div><div>Kasiyer &ccedil;ok ilgiliydi, ma&#287;azan&#305;n d&uuml;zeni de g&uuml;zeldi.'
            '</div><div>Te&#351;ekk&uuml;rler, Moda&#39;daki ekibe selamlar</div></div><br><div class="gmail_quote">'
            '<div dir="ltr" class="gmail_attr">7 Ara 2026 Pzt, 10:20 tarihinde Touchpoint Anket &lt;' + REPLY_TO
            + '&gt; şunu yazdı:<br></div><blockquote class="gmail_quote">' + SURVEY_TR + '</blockquote></div>')
    body = 'Content-Type: text/html; charset="UTF-8"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + qp(html, "utf-8")
    write("gmail-web-tr-html-only.eml", headers("Mehmet Kaya <mehmet.kaya@gmail.example>", "Re: Moda Mağazası") .replace(
        "Subject: Re: Moda Mağazası", "Subject: =?UTF-8?Q?Re=3A_Moda_Ma=C4=9Fazas=C4=B1?=") + body,
          "message", "mehmet.kaya@gmail.example",
          "10 puan\nKasiyer çok ilgiliydi, mağazanın düzeni de güzeldi.\nTeşekkürler, Moda'daki ekibe selamlar")

    # Outlook on the web, Turkish, HTML only, windows-1254 quoted-printable: the reply header block is #divRplyFwdMsg.
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1254"><style type="text/css" '
            'style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr">'
            '<div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">7 veririm, kuyruk çok uzundu.</div>'
            '<div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1">'
            '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">'
            '<b>Kimden:</b> Touchpoint Anket &lt;' + REPLY_TO + '&gt;<br><b>Gönderildi:</b> 7 Aralık 2026 Pazartesi 10:20<br>'
            '<b>Kime:</b> Selin Arslan &lt;selin.arslan@outlook.example&gt;<br><b>Konu:</b> Moda Mağazası</font>'
            '<div>&nbsp;</div></div><div>' + SURVEY_TR + '</div></body></html>')
    body = ('Content-Type: text/html; charset="windows-1254"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n'
            + qp(html, "cp1254"))
    write("outlook-web-tr.eml", headers("Selin Arslan <selin.arslan@outlook.example>", "YNT: Moda Magazasi",
                                         ["X-MS-Has-Attach: ", "Content-Language: tr-TR", "msip_labels: "]) + body,
          "message", "selin.arslan@outlook.example", "7 veririm, kuyruk çok uzundu.")

    # Outlook (Windows desktop), English, plain text: an underscore line and a From/Sent/To/Subject block.
    text = ("8\n\nKind regards,\nJohn Carter\n\n________________________________\nFrom: Touchpoint Anket <" + REPLY_TO
            + ">\nSent: Monday, December 7, 2026 10:20 AM\nTo: John Carter <john.carter@corp.example>\nSubject: Moda Store: one question\n\n"
            + SURVEY_EN + "\n")
    body = 'Content-Type: text/plain; charset="us-ascii"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + qp(text, "ascii")
    write("outlook-desktop-en.eml", headers("John Carter <john.carter@corp.example>", "RE: Moda Store: one question",
                                             ["Thread-Topic: Moda Store: one question", "X-Mailer: Microsoft Outlook 16.0"]) + body,
          "message", "john.carter@corp.example", "8")

    # Outlook for Android, Turkish, base64 UTF-8: "Android için Outlook'u edinin", then a Kimden/Gönderildi block.
    text = ("6 - ürün iyi ama kargo geç geldi\n\nAndroid için Outlook'u edinin\n________________________________\nKimden: Touchpoint Anket <"
            + REPLY_TO + ">\nGönderildi: Monday, December 7, 2026 10:20:00 AM\nKime: Burak Yıldız <burak.yildiz@hotmail.example>\n"
            "Konu: Moda Mağazası\n\n" + SURVEY_TR + "\n")
    body = 'Content-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + b64(text, "utf-8")
    write("outlook-android-tr.eml", headers("Burak Yıldız <burak.yildiz@hotmail.example>", "Re: Moda Magazasi").replace(
        "From: Burak Yıldız", "From: =?utf-8?B?QnVyYWsgWcSxbGTEsXo=?=") + body,
          "message", "burak.yildiz@hotmail.example", "6 - ürün iyi ama kargo geç geldi")

    # Outlook for iOS, English: "Get Outlook for iOS" and a From/Sent block without a separator line.
    text = ("10! Best service I've had this year.\n\nGet Outlook for iOS\nFrom: Touchpoint Anket <" + REPLY_TO
            + ">\nSent: Monday, December 7, 2026 10:20:13 AM\nTo: emma.wilson@outlook.example <emma.wilson@outlook.example>\n"
            "Subject: Moda Store: one question\n\n" + SURVEY_EN + "\n")
    body = 'Content-Type: text/plain; charset="us-ascii"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + qp(text, "ascii")
    write("outlook-ios-en.eml", headers("Emma Wilson <emma.wilson@outlook.example>", "Re: Moda Store: one question") + body,
          "message", "emma.wilson@outlook.example", "10! Best service I've had this year.")

    # Apple Mail on the iPhone, Turkish, text/plain iso-8859-9 base64: "iPhone'umdan gönderildi", Turkish attribution, "> " quote.
    text = ("9\nPersonel çok güler yüzlü\n\niPhone'umdan gönderildi\n\n7 Ara 2026 tarihinde 10:20 saatinde Touchpoint Anket <"
            + REPLY_TO + "> şunu yazdı:\n\n> " + SURVEY_TR + "\n")
    body = ('Content-Type: text/plain; charset=iso-8859-9\r\nContent-Transfer-Encoding: base64\r\n\r\n' + b64(text, "iso-8859-9"))
    write("apple-iphone-tr.eml", headers("Zeynep Şahin <zeynep.sahin@icloud.example>", "Re: Moda Magazasi",
                                          ["X-Mailer: iPhone Mail (22B91)"]).replace(
        "From: Zeynep Şahin", "From: =?iso-8859-9?Q?Zeynep_=DEahin?=") + body,
          "message", "zeynep.sahin@icloud.example", "9\nPersonel çok güler yüzlü")

    # Thunderbird, English, bottom-posting, 8bit UTF-8: the answer below the quote, then a "-- " signature.
    text = ("On 07/12/2026 10:20, Touchpoint Anket wrote:\n> " + SURVEY_EN + "\n\n7, the fitting rooms were closed.\n"
            "Still found what I needed.\n\n-- \nOliver Brown\nhttps://oliver.example\n")
    body = ('Content-Type: text/plain; charset=UTF-8; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'
            + text.replace("\n", "\r\n"))
    data = (headers("Oliver Brown <oliver@oliver.example>", "Re: Moda Store: one question",
                    ["User-Agent: Mozilla Thunderbird", "Content-Language: en-GB"]) + body).encode("utf-8")
    write("thunderbird-en-bottom.eml", data, "message", "oliver@oliver.example",
          "7, the fitting rooms were closed.\nStill found what I needed.")

    # Thunderbird, Turkish, bottom-posting with a wrapped Turkish attribution, windows-1254 8bit.
    text = ("7.12.2026 10:20 tarihinde Touchpoint Anket <\n" + REPLY_TO + "> yazdı:\n> " + SURVEY_TR
            + "\n\nPuanım 5. Deneme kabinleri kapalıydı.\n\n-- \nCan Öztürk\n")
    body = ('Content-Type: text/plain; charset=windows-1254; format=flowed\r\nContent-Transfer-Encoding: 8bit\r\n\r\n')
    data = (headers("Can Ozturk <can@ozturk.example>", "Re: Moda Magazasi", ["User-Agent: Mozilla Thunderbird"]) + body).encode(
        "ascii") + text.replace("\n", "\r\n").encode("cp1254")
    write("thunderbird-tr-bottom.eml", data, "message", "can@ozturk.example",
          "Puanım 5. Deneme kabinleri kapalıydı.")

    # Yahoo Mail, Turkish, HTML + plain: the plain part carries Yahoo's "… şunu yazdı:" attribution, 8bit windows-1254.
    text = ("Kargo hızlıydı, 10\n\n\n    Pazartesi, 7 Aralık 2026 10:20 tarihinde, Touchpoint Anket <" + REPLY_TO
            + "> şunu yazdı:\n\n" + SURVEY_TR + "\n")
    html = ('<html><head></head><body><div class="ydp3c1e5b9dyahoo-style-wrap"><div dir="ltr">Kargo hızlıydı, 10</div></div>'
            '<div id="yahoo_quoted_1234567890" class="yahoo_quoted"><div>Pazartesi, 7 Aralık 2026 10:20 tarihinde, Touchpoint Anket '
            '&lt;' + REPLY_TO + '&gt; şunu yazdı:</div><div>' + SURVEY_TR + '</div></div></body></html>')
    data = (headers("Elif Koc <elif.koc@yahoo.example>", "Re: Moda Magazasi")
            + 'Content-Type: multipart/alternative; boundary="----=_Part_123_456.789"\r\n\r\n------=_Part_123_456.789\r\n'
            'Content-Type: text/plain; charset=windows-1254\r\nContent-Transfer-Encoding: 8bit\r\n\r\n').encode("ascii") \
        + text.replace("\n", "\r\n").encode("cp1254") \
        + ('\r\n------=_Part_123_456.789\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n').encode(
            "ascii") + html.encode("utf-8") + b'\r\n------=_Part_123_456.789--\r\n'
    write("yahoo-tr.eml", data, "message", "elif.koc@yahoo.example", "Kargo hızlıydı, 10")

    # Samsung Email on Android, Turkish: its own signature line and an "-------- Orijinal ileti --------" separator.
    text = ("Puan 3. Aldığım ürün kırık çıktı\n\n\n\nSamsung Galaxy akıllı telefonumdan gönderildi.\n\n\n-------- Orijinal ileti --------\n"
            "Kimden: Touchpoint Anket <" + REPLY_TO + ">\nTarih: 7.12.2026 10:20 (GMT+03:00)\nAlıcı: deniz.aksoy@gmail.example\n"
            "Konu: Moda Mağazası\n\n" + SURVEY_TR + "\n")
    body = 'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' + b64(text, "utf-8")
    write("samsung-email-tr.eml", headers("Deniz Aksoy <deniz.aksoy@gmail.example>", "Re: Moda Magazasi") + body,
          "message", "deniz.aksoy@gmail.example", "Puan 3. Aldığım ürün kırık çıktı")

    # --- automatic mail: never read, never answered ---
    # Outlook out-of-office, Turkish: Auto-Submitted, X-Auto-Response-Suppress; the body starts with a number.
    text = "12 Aralık'a kadar ofis dışındayım. Acil konular için ekibimize yazabilirsiniz.\n"
    body = 'Content-Type: text/plain; charset="windows-1254"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' + qp(text, "cp1254")
    write("outlook-out-of-office-tr.eml",
          headers("Ahmet Yilmaz <ahmet.yilmaz@corp.example>", "=?windows-1254?Q?Otomatik_yan=FDt:_Moda_Ma=F0azas=FD?=",
                  ["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All", "X-MS-Exchange-Inbox-Rules-Loop: ahmet.yilmaz@corp.example"])
          + body, "automatic", "ahmet.yilmaz@corp.example", "12 Aralık'a kadar ofis dışındayım. Acil konular için ekibimize yazabilirsiniz.")

    # Gmail vacation responder, English: Auto-Submitted only.
    text = "I'm away until 14 December with limited access to email.\n"
    write("gmail-vacation-en.eml", headers("Sarah Lee <sarah.lee@gmail.example>", "Re: Moda Store: one question",
                                           ["Auto-Submitted: auto-replied"])
          + 'Content-Type: text/plain; charset="UTF-8"\r\n\r\n' + text.replace("\n", "\r\n"),
          "automatic", "sarah.lee@gmail.example", "I'm away until 14 December with limited access to email.")

    # An auto-responder that sets no standard header, only a vacation subject in Turkish.
    text = "10 gün izindeyim, dönüşte yanıt vereceğim.\n"
    write("subject-only-vacation-tr.eml",
          headers("Kemal Acar <kemal@acar.example>", "=?UTF-8?Q?=C4=B0zindeyim:_Re:_Moda_Ma=C4=9Fazas=C4=B1?=")
          + 'Content-Type: text/plain; charset="UTF-8"\r\nContent-Transfer-Encoding: 8bit\r\n\r\n', "automatic", "kemal@acar.example",
          "10 gün izindeyim, dönüşte yanıt vereceğim.")
    (OUT / "subject-only-vacation-tr.eml").write_bytes((OUT / "subject-only-vacation-tr.eml").read_bytes() + text.replace("\n", "\r\n").encode("utf-8"))

    # An older auto-responder: X-Autoreply and Precedence: auto_reply.
    write("x-autoreply-en.eml", headers("Help Desk <helpdesk@vendor.example>", "Re: Moda Store: one question",
                                        ["X-Autoreply: yes", "Precedence: auto_reply"])
          + 'Content-Type: text/plain\r\n\r\n5 business days is our usual response time.\r\n', "automatic", "helpdesk@vendor.example",
          "5 business days is our usual response time.")

    # A mailing list that forwarded the invitation: Precedence: list.
    write("list-precedence.eml", headers("Store Staff List <staff@lists.shop.example>", "[staff] Re: Moda Store: one question",
                                         ["Precedence: list", "List-Id: <staff.lists.shop.example>"])
          + 'Content-Type: text/plain\r\n\r\n9 from the whole team\r\n', "automatic", "staff@lists.shop.example", "9 from the whole team")

    # A delivery status notification (RFC 3464): multipart/report from MAILER-DAEMON.
    dsn = ('Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-boundary-1"\r\n\r\n'
           '--dsn-boundary-1\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n'
           '550 5.1.1 The email account that you tried to reach does not exist.\r\n\r\n'
           '--dsn-boundary-1\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.mail.example\r\n\r\n'
           'Final-Recipient: rfc822; old.address@mail.example\r\nAction: failed\r\nStatus: 5.1.1\r\n\r\n--dsn-boundary-1--\r\n')
    write("delivery-report.eml", headers("Mail Delivery Subsystem <mailer-daemon@mx.mail.example>", "Delivery Status Notification (Failure)",
                                         ["Auto-Submitted: auto-replied"]) + dsn,
          "automatic", "mailer-daemon@mx.mail.example", "550 5.1.1 The email account that you tried to reach does not exist.")

    # --- unsubscribe by mail: the List-Unsubscribe mailto (subject=unsubscribe), any body ---
    write("unsubscribe-mailto.eml", headers("Nil Ersoy <nil.ersoy@gmail.example>", "unsubscribe")
          + 'Content-Type: text/plain; charset="UTF-8"\r\n\r\nThis message will unsubscribe you from Touchpoint Anket.\r\n',
          "unsubscribe", "nil.ersoy@gmail.example", "This message will unsubscribe you from Touchpoint Anket.")

    rows = ["# Replies to a survey email as each client writes them (scripts/email-corpus.py writes them and this table).",
            "# file\tkind\tauthor\tnew text (\\n: a line break)"]
    rows += ["\t".join(case) for case in cases]
    (OUT / "cases.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


main()

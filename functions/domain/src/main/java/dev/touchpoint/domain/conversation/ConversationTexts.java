package dev.touchpoint.domain.conversation;

import java.util.List;
import java.util.Map;

/** What we answer to keywords, in Turkish and English (survey texts come from the survey definition). */
final class ConversationTexts {

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", Map.of(
                    "optedOut", "You will receive no more messages from us here. Reply START to opt back in.",
                    "optedIn", "Welcome back: you will receive our messages here again. Reply STOP to opt out.",
                    "help", "Touchpoint feedback: reply with a number from 0 to 10 to answer a survey, STOP to opt out, START to opt back in.",
                    "scale", "Please reply with a number from %d to %d.",
                    "textPlease", "Thank you. We cannot read photos, voice notes or stickers here: please write your answer in a message."),
            "tr", Map.of(
                    "optedOut", "Bu kanaldan artık mesaj almayacaksınız. Yeniden almak için START yazın.",
                    "optedIn", "Tekrar hoş geldiniz: bu kanaldan yeniden mesaj alacaksınız. Almak istemezseniz RET yazın.",
                    "help", "Touchpoint geri bildirim: ankete 0-10 arası bir sayıyla yanıt verin, almak istemezseniz RET, yeniden almak için START yazın.",
                    "scale", "Lütfen %d ile %d arasında bir sayıyla yanıtlayın.",
                    "textPlease", "Teşekkürler. Fotoğraf, sesli mesaj ya da çıkartmaları burada okuyamıyoruz: lütfen yanıtınızı yazarak gönderin."));

    /** The languages these texts are written in, English first: the fallback. */
    static final List<String> LANGUAGES = List.of("en", "tr");

    private ConversationTexts() {
    }

    static String of(String key, String language) {
        return TEXTS.getOrDefault(language, TEXTS.get("en")).get(key);
    }
}

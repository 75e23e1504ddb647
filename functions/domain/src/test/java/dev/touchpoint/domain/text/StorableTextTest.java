package dev.touchpoint.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void isStorable_everyCharacterOfEveryScript_andPairedSurrogates() {
        assertTrue(StorableText.isStorable("Hızlı teslimat 🙂 ş ğ İ ı — 你好 \u202e\t\n"));
        assertTrue(StorableText.isStorable(""));
    }

    @Test
    void isStorable_loneSurrogates_areRefused() {
        assertFalse(StorableText.isStorable("a\udc00b"), "a low surrogate alone");
        assertFalse(StorableText.isStorable("a\ud83d"), "a high surrogate at the end");
        assertFalse(StorableText.isStorable("\ud83d\ud83d\ude42"), "a high surrogate before a pair");
        assertEquals(1, StorableText.firstLoneSurrogate("a\udc00b"));
        assertFalse(StorableText.isAcceptable("a\udc00b"));
    }

    @Test
    void isAcceptable_nonCharacters_areRefused_butStorable() {
        for (String text : List.of("\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", new String(Character.toChars(0x1FFFE)),
                new String(Character.toChars(0x10FFFF)))) {
            assertFalse(StorableText.isAcceptable("x" + text), Integer.toHexString(text.codePointAt(0)));
            assertTrue(StorableText.isStorable("x" + text), "a provider's message holding one is kept");
        }
        assertTrue(StorableText.isAcceptable("\uFDCF\uFDF0\uFFFD"), "their neighbours are characters");
    }
}

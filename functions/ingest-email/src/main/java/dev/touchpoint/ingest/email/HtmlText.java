package dev.touchpoint.ingest.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML-only mail, with jsoup: entities decoded ({@code &#39;}, {@code &ccedil;}),
 * every block element and {@code <br>} a line of its own (Gmail writes each line as a {@code <div>}),
 * and the quoted history the mail clients mark in their HTML cut off at its container: Gmail's
 * {@code div.gmail_quote}, Outlook on the web's {@code #divRplyFwdMsg} header block and the
 * {@code #appendonsend} before it, Thunderbird's {@code .moz-cite-prefix}, Apple Mail's and others'
 * {@code blockquote}, Yahoo's {@code .yahoo_quoted}. What is left still goes through the plain-text
 * rules ({@code EmailReplies}), which know the attribution lines of the clients that mark nothing.
 */
final class HtmlText {

    /** Where a client's quoted history starts; it and everything after it is history. */
    private static final String HISTORY = "div.gmail_quote, .gmail_quote_container, #appendonsend, #divRplyFwdMsg, "
            + "div.moz-cite-prefix, blockquote, div.yahoo_quoted, #mail-editor-reference-message-container, "
            + "div[id^=divRplyFwdMsg], hr#stopSpelling";
    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "hr", "table", "ul", "ol", "section", "article", "header", "footer", "address");

    private HtmlText() {
    }

    static String of(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, head, title").remove();
        Element history = document.selectFirst(HISTORY);
        if (history != null) {
            cutFrom(history);
        }
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text().replace('\u00a0', ' '));
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newLine(text);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName()) && !element.normalName().equals("br")) {
                    newLine(text);
                }
            }
        }, document.body());
        return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    /** Removes the element and everything that follows it in the document. */
    private static void cutFrom(Element start) {
        for (Element at = start; at != null && !at.normalName().equals("body"); at = at.parent()) {
            Node next = at.nextSibling();
            while (next != null) {
                Node following = next.nextSibling();
                next.remove();
                next = following;
            }
        }
        start.remove();
    }

    private static void newLine(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }
}

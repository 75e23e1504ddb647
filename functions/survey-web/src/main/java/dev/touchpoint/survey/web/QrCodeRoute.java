package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/touchpoints/{id}/qr.svg}: a QR code (ZXing, error correction M, quiet zone of 4
 * modules) pointing at the touchpoint's landing page, as scalable SVG for receipts and shelf labels.
 * Public like the landing page it encodes: an {@code <img>} cannot send an API key.
 */
final class QrCodeRoute {

    private static final Pattern TOUCHPOINT = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");

    private final String publicUrl;
    private final TouchpointCatalog touchpoints;

    QrCodeRoute(String publicUrl, TouchpointCatalog touchpoints) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.touchpoints = touchpoints;
    }

    /** Only a touchpoint registered for QR answers has a code: a printed code to a 404 page helps nobody. */
    APIGatewayV2HTTPResponse get(HttpRequest request, String touchpoint) {
        if (!TOUCHPOINT.matcher(touchpoint).matches()
                || touchpoints.byId(touchpoint).filter(t -> t.allows(Channel.QR)).isEmpty()) {
            return HttpResponses.problem(404, ProblemType.NOT_FOUND,
                    "No touchpoint registered for QR answers has this id (surveys/touchpoints.json).", request.path());
        }
        return HttpResponses.content(200, "image/svg+xml", svg(publicUrl + "/q/" + touchpoint));
    }

    static String svg(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(',').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                    + "\" shape-rendering=\"crispEdges\"><title>" + Html.escape(content) + "</title>"
                    + "<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("a short URL always fits a QR code", e);
        }
    }
}

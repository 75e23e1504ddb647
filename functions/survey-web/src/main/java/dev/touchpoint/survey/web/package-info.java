/**
 * The survey-web function: the hosted survey page behind a signed token ({@code /s/{token}}), kiosk
 * mode ({@code /k/{touchpoint}}), the QR landing ({@code /q/{touchpoint}}) and the QR code itself. Plain
 * HTML forms that work without JavaScript; answers go through the same queue as every channel.
 */
package dev.touchpoint.survey.web;

import { randomInt } from "node:crypto";
import QRCode from "qrcode";
import { CODE_ALPHABET, CODE_LENGTH } from "#shared/contracts/trainings-certificates.ts";

/**
 * A fresh verification code: 20 symbols drawn uniformly (crypto) from a 32-symbol alphabet without
 * look-alikes = 100 random bits. It carries nothing about the holder; the database maps it.
 */
export function newCertificateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The address the QR code carries: only the public verification page and the code. */
export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/$/, "")}/verify/${code}`;
}

const QR_OPTIONS = { errorCorrectionLevel: "M", margin: 0 } as const;

/** The QR code as SVG for the Typst template (vector, sharp in print). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...QR_OPTIONS, type: "svg" });
}

/** The same QR code as PNG (what a phone camera sees; the tests decode it). */
export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...QR_OPTIONS, type: "png", margin: 4, scale: 6 });
}

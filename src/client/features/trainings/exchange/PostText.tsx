import { Anchor, Text, VisuallyHidden } from "@mantine/core";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

// A post is plain text: React escapes every character, no HTML is ever interpreted. Addresses that
// start with https:// (or http://) become links that open in a new tab without handing over the
// page (noopener) or a referrer, and are marked as user content (ugc, nofollow).
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}»“”’]+$/;

/** A piece of the text; `at` is where it starts (stable, so a key). */
type Piece = { at: number; text: string; href?: string };

/** The text split into plain pieces and link pieces. */
export function linkPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const url = raw.replace(TRAILING, "");
    const start = match.index ?? 0;
    if (start > last) pieces.push({ at: last, text: text.slice(last, start) });
    if (URL.canParse(url)) pieces.push({ at: start, text: url, href: url });
    else pieces.push({ at: start, text: url });
    last = start + url.length;
  }
  if (last < text.length) pieces.push({ at: last, text: text.slice(last) });
  return pieces;
}

/** A post's text with line breaks kept and addresses clickable. */
export function PostText({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" dir="auto" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
      {linkPieces(text).map((piece) =>
        piece.href ? (
          <Anchor key={piece.at} href={piece.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {piece.text}
            <VisuallyHidden> {t("trainings.exchange.opensNewTab")}</VisuallyHidden>
          </Anchor>
        ) : (
          <Fragment key={piece.at}>{piece.text}</Fragment>
        ),
      )}
    </Text>
  );
}

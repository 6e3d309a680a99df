import { type FormEvent, useEffect, useId, useState } from "react";
import { useFinder } from "./context.ts";
import type { Search } from "./url.ts";

type Props = { search: Search; onChange: (change: Partial<Search>) => void };

/** The search words and the place to measure distances from; both apply with the button. */
export function QueryForm({ search, onChange }: Props) {
  const { t } = useFinder();
  const id = useId();
  const [q, setQ] = useState(search.q);
  const [near, setNear] = useState(search.near);
  // The fields follow the URL when the search changes from outside (back button, a sent link).
  useEffect(() => setQ(search.q), [search.q]);
  useEffect(() => setNear(search.near), [search.near]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChange({ q, near });
  };
  return (
    <search className="query" aria-label={t("search.heading")}>
      <form onSubmit={submit}>
        <div className="field field--query">
          <label htmlFor={`${id}-q`}>{t("search.label")}</label>
          <p className="hint" id={`${id}-q-hint`}>
            {t("search.hint")}
          </p>
          <input
            id={`${id}-q`}
            type="search"
            name="q"
            value={q}
            maxLength={200}
            autoComplete="off"
            dir="auto"
            aria-describedby={`${id}-q-hint`}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        <div className="field field--near">
          <label htmlFor={`${id}-near`}>{t("search.nearLabel")}</label>
          <div className="query-row">
            <input
              id={`${id}-near`}
              type="text"
              name="near"
              value={near}
              maxLength={100}
              autoComplete="postal-code"
              dir="auto"
              onChange={(e) => setNear(e.target.value)}
            />
            <button type="submit">{t("search.submit")}</button>
          </div>
        </div>
      </form>
    </search>
  );
}

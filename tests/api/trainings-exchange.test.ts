import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  auditLog,
  trainingMaterials,
  trainingParticipants,
  trainingPosts,
} from "../../src/server/db/schema.ts";
import { createTestApp } from "../helpers/app.ts";
import { ok, trainingWorld } from "./trainings-setup.ts";

const t = await createTestApp();

async function setting() {
  const w = await trainingWorld(t, { participants: 3, orgs: 2, sessions: 2 });
  const [p1, p2] = w.people;
  if (!p1 || !p2) throw new Error("no people");
  const base = `/api/training-cohorts/${w.cohort.id}/exchange`;
  return {
    ...w,
    base,
    p1: { ...p1, agent: await t.loginAs(p1.user.email) },
    p2: { ...p2, agent: await t.loginAs(p2.user.email) },
    trainerAgent: await t.loginAs(w.trainer.email),
    coordinatorAgent: await t.loginAs(w.coordinator.email),
  };
}

const SECRET = "Geheimer Beitragstext 7f3a";

describe("the exchange thread", () => {
  it("lets participants and trainers post and reply, newest activity first, with paging", async () => {
    const s = await setting();
    const first = await ok(
      s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: "Erster Beitrag" } }),
      201,
    );
    const second = await ok(
      s.trainerAgent.request("POST", `${s.base}/posts`, { body: { body: "Zweiter Beitrag" } }),
      201,
    );
    expect(second.author).toMatchObject({ userId: s.trainer.id, teaches: true });
    expect(first.author).toMatchObject({ userId: s.p1.user.id, teaches: false });
    // A reply to the first post brings it back to the top.
    const reply = await ok(
      s.p2.agent.request("POST", `${s.base}/posts`, { body: { body: "Antwort", parentId: first.id } }),
      201,
    );
    expect(reply.parentId).toBe(first.id);
    const thread = await ok(s.coordinatorAgent.request("GET", `${s.base}/posts`));
    expect(thread.total).toBe(2);
    expect(thread.canModerate).toBe(true);
    expect(thread.items.map((i: { id: string }) => i.id)).toEqual([first.id, second.id]);
    expect(thread.items[0].replies.map((r: { id: string }) => r.id)).toEqual([reply.id]);

    const paged = await ok(
      s.p2.agent.request("GET", `${s.base}/posts`, { query: { limit: "1", offset: "1" } }),
    );
    expect(paged.total).toBe(2);
    expect(paged.canModerate).toBe(false);
    expect(paged.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    expect(paged.items[0].abilities).toEqual({ edit: false, delete: false, reply: true });
  });

  it("refuses a reply to a reply and a reply to another cohort's post, writing nothing", async () => {
    const s = await setting();
    const post = await ok(s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: "Frage" } }), 201);
    const reply = await ok(
      s.p2.agent.request("POST", `${s.base}/posts`, { body: { body: "Antwort", parentId: post.id } }),
      201,
    );
    const deep = await s.p1.agent.request("POST", `${s.base}/posts`, {
      body: { body: "Zu tief", parentId: reply.id },
      headers: { "accept-language": "en" },
    });
    expect(deep.statusCode).toBe(422);
    expect(deep.json().code).toBe("trainings.exchange_reply_depth");
    expect(deep.json().title).not.toContain("trainings.");

    const otherAgent = await t.loginAs(s.otherUser.email);
    const otherBase = `/api/training-cohorts/${s.otherCohort.id}/exchange`;
    const foreign = await s.p1.agent.request("POST", `${otherBase}/posts`, { body: { body: "x" } });
    expect(foreign.statusCode).toBe(404);
    const crossParent = await otherAgent.request("POST", `${otherBase}/posts`, {
      body: { body: "x", parentId: post.id },
    });
    expect(crossParent.statusCode).toBe(422);
    expect(crossParent.json().code).toBe("trainings.exchange_parent_missing");

    const empty = await s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: "   " } });
    expect(empty.statusCode).toBe(400);
    const long = await s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: "x".repeat(5001) } });
    expect(long.statusCode).toBe(400);
    const rows = await t.db.select().from(trainingPosts).where(eq(trainingPosts.cohortId, s.cohort.id));
    expect(rows).toHaveLength(2);
    expect(
      await t.db.select().from(trainingPosts).where(eq(trainingPosts.cohortId, s.otherCohort.id)),
    ).toEqual([]);
  });

  it("edits and deletes own posts only; those who teach remove any", async () => {
    const s = await setting();
    const post = await ok(s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: "Original" } }), 201);
    const url = `${s.base}/posts/${post.id}`;
    expect((await s.p2.agent.request("PATCH", url, { body: { body: "fremd" } })).statusCode).toBe(403);
    expect((await s.trainerAgent.request("PATCH", url, { body: { body: "fremd" } })).statusCode).toBe(403);
    const edited = await ok(s.p1.agent.request("PATCH", url, { body: { body: "Geändert" } }));
    expect(edited).toMatchObject({ body: "Geändert", abilities: { edit: true, delete: true } });
    expect(edited.editedAt).not.toBeNull();
    expect((await s.p2.agent.request("DELETE", url)).statusCode).toBe(403);

    const reply = await ok(
      s.p2.agent.request("POST", `${s.base}/posts`, { body: { body: "Antwort", parentId: post.id } }),
      201,
    );
    // The author deletes the head: it stays, emptied, while its reply lives.
    expect((await s.p1.agent.request("DELETE", url)).statusCode).toBe(204);
    let thread = await ok(s.p1.agent.request("GET", `${s.base}/posts`));
    expect(thread.items[0]).toMatchObject({ id: post.id, deleted: true, body: "" });
    const [row] = await t.db.select().from(trainingPosts).where(eq(trainingPosts.id, post.id));
    expect(row?.body).toBe("");
    expect((await s.p1.agent.request("PATCH", url, { body: { body: "wieder" } })).statusCode).toBe(404);

    // The trainer moderates the reply away; the emptied head goes with it.
    expect((await s.trainerAgent.request("DELETE", `${s.base}/posts/${reply.id}`)).statusCode).toBe(204);
    thread = await ok(s.p1.agent.request("GET", `${s.base}/posts`));
    expect(thread.total).toBe(0);
    const [moderation] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, reply.id), eq(auditLog.action, "training_post.delete")));
    expect(moderation?.details).toMatchObject({ moderated: true, cohortId: s.cohort.id });
  });

  it("shows the space to its members only: admins 403, other cohorts and outsiders 404", async () => {
    const s = await setting();
    await ok(s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: SECRET } }), 201);
    const admin = await t.loginAs(s.organisations[0]?.admin.email ?? "");
    const outsider = await t.loginAs(s.outsiderAdmin.email);
    const otherTrainer = await t.loginAs(s.otherTrainer.email);
    const otherUser = await t.loginAs(s.otherUser.email);
    expect((await admin.request("GET", `${s.base}/posts`)).statusCode).toBe(403);
    expect((await admin.request("GET", `${s.base}/materials`)).statusCode).toBe(403);
    for (const agent of [outsider, otherTrainer, otherUser]) {
      for (const path of ["posts", "materials"]) {
        const res = await agent.request("GET", `${s.base}/${path}`);
        expect(res.statusCode).toBe(404);
        expect(res.body).not.toContain(SECRET);
      }
      expect((await agent.request("POST", `${s.base}/posts`, { body: { body: "x" } })).statusCode).toBe(404);
    }
    // A withdrawn participant has left the space.
    await t.db
      .update(trainingParticipants)
      .set({ status: "withdrawn" })
      .where(eq(trainingParticipants.id, s.p2.participant.id));
    expect((await s.p2.agent.request("GET", `${s.base}/posts`)).statusCode).toBe(404);
  });

  it("outlives the cohort and lets a waitlisted participant in", async () => {
    const s = await setting();
    const { trainingCohorts } = await import("../../src/server/db/schema.ts");
    await t.db
      .update(trainingCohorts)
      .set({ status: "completed", startsOn: "2025-01-01", endsOn: "2025-02-01" })
      .where(eq(trainingCohorts.id, s.cohort.id));
    await t.db
      .update(trainingParticipants)
      .set({ status: "waitlisted" })
      .where(eq(trainingParticipants.id, s.p2.participant.id));
    await ok(s.p2.agent.request("POST", `${s.base}/posts`, { body: { body: "Noch da" } }), 201);
    const thread = await ok(s.p1.agent.request("GET", `${s.base}/posts`));
    expect(thread.total).toBe(1);
  });

  it("audits every read and write with ids only", async () => {
    const s = await setting();
    const post = await ok(s.p1.agent.request("POST", `${s.base}/posts`, { body: { body: SECRET } }), 201);
    await ok(s.p1.agent.request("PATCH", `${s.base}/posts/${post.id}`, { body: { body: `${SECRET} 2` } }));
    await ok(s.p2.agent.request("GET", `${s.base}/posts`));
    await ok(s.p2.agent.request("GET", `${s.base}/materials`));
    await ok(
      s.p2.agent.request("POST", `${s.base}/materials/links`, {
        body: { title: SECRET, url: "https://example.org/a" },
      }),
      201,
    );
    const entries = await t.db
      .select()
      .from(auditLog)
      .where(
        inArray(auditLog.action, [
          "training_post.create",
          "training_post.update",
          "training_exchange.read",
          "training_material.list",
          "training_material.create",
        ]),
      );
    const mine = entries.filter(
      (e) =>
        e.entityId === post.id ||
        e.entityId === s.cohort.id ||
        (e.details as { cohortId?: string })?.cohortId === s.cohort.id,
    );
    expect(new Set(mine.map((e) => e.action)).size).toBe(5);
    expect(JSON.stringify(mine)).not.toContain("Geheim");
    expect(await t.db.select().from(auditLog).where(sql`${auditLog.details}::text like '%Geheim%'`)).toEqual(
      [],
    );
  });
});

describe("the shared materials", () => {
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", "latin1");
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it("stores a file, lists it without its bytes, downloads it byte for byte with a safe name", async () => {
    const s = await setting();
    const name = "Handout Ḥaddād – ورقة.pdf";
    const created = await ok(
      s.p1.agent.request("POST", `${s.base}/materials/files`, {
        body: pdf,
        query: { title: "Handout Modul 1" },
        headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent(name) },
      }),
      201,
    );
    expect(created).toMatchObject({
      title: "Handout Modul 1",
      kind: "file",
      fileName: name,
      mediaType: "application/pdf",
      size: pdf.length,
      url: null,
      abilities: { delete: true },
    });
    const list = await ok(s.trainerAgent.request("GET", `${s.base}/materials`));
    expect(list.items.map((m: { id: string }) => m.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toContain("content");
    const get = await s.p2.agent.request("GET", `${s.base}/materials/${created.id}/content`);
    expect(get.statusCode).toBe(200);
    expect(get.headers["content-type"]).toBe("application/pdf");
    expect(get.headers["x-content-type-options"]).toBe("nosniff");
    expect(get.headers["content-disposition"]).toBe(
      `attachment; filename="Handout Haddad _ ____.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(get.rawPayload.equals(pdf)).toBe(true);
    const reads = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, created.id), eq(auditLog.action, "training_material.read")));
    expect(reads).toHaveLength(1);
    // Another cohort's member cannot fetch it, even knowing the id.
    const other = await t.loginAs(s.otherUser.email);
    expect((await other.request("GET", `${s.base}/materials/${created.id}/content`)).statusCode).toBe(404);
    const otherBase = `/api/training-cohorts/${s.otherCohort.id}/exchange`;
    expect((await other.request("GET", `${otherBase}/materials/${created.id}/content`)).statusCode).toBe(404);
  });

  it("gives a file name a path-free form and an ending that fits its type", async () => {
    const s = await setting();
    const text = Buffer.from("<script>alert(1)</script>\nNotizen\n", "utf8");
    const created = await ok(
      s.p1.agent.request("POST", `${s.base}/materials/files`, {
        body: text,
        headers: {
          "content-type": "text/plain",
          "x-file-name": encodeURIComponent("../../etc/\u0000no\u202Ete.html"),
        },
      }),
      201,
    );
    expect(created.fileName).toBe("note.html.txt");
    expect(created.title).toBe("note.html.txt");
    const get = await s.p1.agent.request("GET", `${s.base}/materials/${created.id}/content`);
    expect(get.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(get.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  it.each([
    ["bytes that are not what the type says", png, "application/pdf"],
    [
      "a zip called a Word document",
      Buffer.concat([Buffer.from("PK\u0003\u0004", "latin1"), Buffer.alloc(40)]),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ],
    ["binary called text", Buffer.from([0x41, 0x00, 0x42]), "text/plain"],
    ["HTML", Buffer.from("<html><script>alert(1)</script></html>"), "text/html"],
    ["SVG", Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), "image/svg+xml"],
    ["JSON", Buffer.from(JSON.stringify({ a: 1 })), "application/json"],
    ["an empty body", Buffer.alloc(0), "application/pdf"],
  ])("refuses %s with a translated 415, writing nothing", async (_name, body, type) => {
    const s = await setting();
    const res = await s.p1.agent.request("POST", `${s.base}/materials/files`, {
      body,
      headers: { "content-type": type, "accept-language": "en" },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe("trainings.exchange_file_type");
    expect(res.json().title).not.toContain("trainings.");
    expect(
      await t.db.select().from(trainingMaterials).where(eq(trainingMaterials.cohortId, s.cohort.id)),
    ).toEqual([]);
  });

  it("accepts real Office, OpenDocument and image signatures", async () => {
    const s = await setting();
    const zipWith = (...names: string[]) =>
      Buffer.concat([
        Buffer.from("PK\u0003\u0004", "latin1"),
        Buffer.alloc(26),
        ...names.map((n) => Buffer.from(n)),
      ]);
    const cases: [Buffer, string][] = [
      [
        zipWith("[Content_Types].xml", "word/document.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      ],
      [
        zipWith("[Content_Types].xml", "xl/workbook.xml"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      ],
      [zipWith("mimetypeapplication/vnd.oasis.opendocument.text"), "application/vnd.oasis.opendocument.text"],
      [
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.from("WordDocument", "utf16le"),
        ]),
        "application/msword",
      ],
      [Buffer.from("GIF89a\u0001\u0000", "latin1"), "image/gif"],
      [Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), Buffer.from("WEBPVP8 ")]), "image/webp"],
      [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), "image/jpeg"],
    ];
    for (const [body, type] of cases) {
      const res = await s.p1.agent.request("POST", `${s.base}/materials/files`, {
        body,
        headers: { "content-type": type },
      });
      expect(res.statusCode, `${type}: ${res.body}`).toBe(201);
    }
    // A spreadsheet declared as a Word document is refused.
    const wrong = await s.p1.agent.request("POST", `${s.base}/materials/files`, {
      body: zipWith("[Content_Types].xml", "xl/workbook.xml"),
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    });
    expect(wrong.statusCode).toBe(415);
  });

  it("refuses a file above 10 MB with a translated 413, and a non-member before reading it", async () => {
    const s = await setting();
    const big = Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(10 * 1024 * 1024)]);
    const res = await s.p1.agent.request("POST", `${s.base}/materials/files`, {
      body: big,
      headers: { "content-type": "application/pdf", "accept-language": "en" },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("trainings.exchange_file_too_large");
    const outsider = await t.loginAs(s.outsiderAdmin.email);
    const denied = await outsider.request("POST", `${s.base}/materials/files`, {
      body: pdf,
      headers: { "content-type": "application/pdf" },
    });
    expect(denied.statusCode).toBe(404);
    const anonymous = await t.app.inject({
      method: "POST",
      url: `${s.base}/materials/files`,
      payload: pdf,
      headers: { "content-type": "application/pdf" },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("shares https links only and deletes by uploader or those who teach", async () => {
    const s = await setting();
    for (const url of ["http://example.org", "javascript:alert(1)", "ftp://example.org/x", "https://"]) {
      const res = await s.p1.agent.request("POST", `${s.base}/materials/links`, {
        body: { title: "x", url },
      });
      expect(res.statusCode, url).toBe(400);
    }
    const link = await ok(
      s.p1.agent.request("POST", `${s.base}/materials/links`, {
        body: { title: "Leitfaden", url: "https://example.org/leitfaden?x=1" },
      }),
      201,
    );
    expect(link).toMatchObject({ kind: "link", url: "https://example.org/leitfaden?x=1", fileName: null });
    expect((await s.p1.agent.request("GET", `${s.base}/materials/${link.id}/content`)).statusCode).toBe(404);
    expect((await s.p2.agent.request("DELETE", `${s.base}/materials/${link.id}`)).statusCode).toBe(403);
    expect((await s.p1.agent.request("DELETE", `${s.base}/materials/${link.id}`)).statusCode).toBe(204);
    const other = await ok(
      s.p2.agent.request("POST", `${s.base}/materials/links`, {
        body: { title: "B", url: "https://example.org/b" },
      }),
      201,
    );
    expect((await s.coordinatorAgent.request("DELETE", `${s.base}/materials/${other.id}`)).statusCode).toBe(
      204,
    );
    expect(
      await t.db.select().from(trainingMaterials).where(eq(trainingMaterials.cohortId, s.cohort.id)),
    ).toEqual([]);
  });
});

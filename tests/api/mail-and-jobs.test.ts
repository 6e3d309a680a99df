import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outbox, scheduledJobs } from "../../src/server/db/schema.ts";
import { startScheduler } from "../../src/server/platform/jobs.ts";
import { createMailer, enqueueMail } from "../../src/server/platform/mail.ts";
import { createTestDatabase } from "../helpers/db.ts";

const { db } = await createTestDatabase();
const silent = { error() {} };

describe("mail delivery through SMTP", () => {
  const received: { to: string; data: string }[] = [];
  let server: SMTPServer;
  let port = 0;
  let failNext = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(_address, _session, callback) {
        if (failNext > 0) {
          failNext--;
          return callback(new Error("mailbox unavailable"));
        }
        callback();
      },
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (c) => {
          data += c;
        });
        stream.on("end", () => {
          received.push({ to: session.envelope.rcptTo[0]?.address ?? "", data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("holds mails in the outbox when no SMTP is configured", async () => {
    const mailer = createMailer(undefined, "Lotse <noreply@test.example>");
    await enqueueMail(db, mailer, {
      to: "held@test.example",
      subject: "S",
      body: "B",
      template: "invitation",
    });
    const [row] = await db.select().from(outbox).where(eq(outbox.toAddress, "held@test.example"));
    expect(row?.status).toBe("held");
    expect(await mailer.deliverPending(db)).toBe(0);
  });

  it("delivers each pending mail once, even with two instances sending at the same time", async () => {
    const a = createMailer(`smtp://127.0.0.1:${port}`, "Lotse <noreply@test.example>");
    const b = createMailer(`smtp://127.0.0.1:${port}`, "Lotse <noreply@test.example>");
    for (let i = 0; i < 6; i++) {
      await enqueueMail(db, a, {
        to: `twice-${i}@test.example`,
        subject: `Betreff ${i}`,
        body: "Hallo",
        template: "invitation",
      });
    }
    const [na, nb] = await Promise.all([a.deliverPending(db), b.deliverPending(db)]);
    expect(na + nb).toBe(6);
    const got = received
      .filter((r) => r.to.startsWith("twice-"))
      .map((r) => r.to)
      .sort();
    expect(got).toEqual([0, 1, 2, 3, 4, 5].map((i) => `twice-${i}@test.example`));
    const rows = await db.select().from(outbox).where(eq(outbox.status, "sent"));
    expect(rows.filter((r) => r.toAddress.startsWith("twice-"))).toHaveLength(6);
  });

  it("keeps a mail that the SMTP server refused and retries it later", async () => {
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, "Lotse <noreply@test.example>");
    await enqueueMail(db, mailer, {
      to: "retry@test.example",
      subject: "S",
      body: "B",
      template: "password_reset",
    });
    failNext = 1;
    await mailer.deliverPending(db);
    const [row] = await db.select().from(outbox).where(eq(outbox.toAddress, "retry@test.example"));
    expect(row?.status).toBe("pending");
    expect(row?.attempts).toBe(1);
    expect(row?.lastError).toContain("mailbox unavailable");
    expect(row?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    // Make it due again, as the back-off would after a minute.
    await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(0) })
      .where(eq(outbox.toAddress, "retry@test.example"));
    await mailer.deliverPending(db);
    const [sent] = await db.select().from(outbox).where(eq(outbox.toAddress, "retry@test.example"));
    expect(sent?.status).toBe("sent");
    expect(received.some((r) => r.to === "retry@test.example")).toBe(true);
  });
});

describe("scheduler", () => {
  it("runs a due job once across two instances on one database", async () => {
    let runs = 0;
    const job = {
      name: "test.once",
      everySeconds: 3600,
      run: async () => {
        runs++;
        await new Promise((r) => setTimeout(r, 50));
      },
    };
    const one = startScheduler(db, [job], silent, 20);
    const two = startScheduler(db, [job], silent, 20);
    await new Promise((r) => setTimeout(r, 400));
    await Promise.all([one.stop(), two.stop()]);
    expect(runs).toBe(1);
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "test.once"));
    expect(row?.lockedUntil).toBeNull();
    expect(row?.lastRunAt).not.toBeNull();
    expect(row?.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 3500_000);
  });

  it("records a failing job's error and releases it", async () => {
    const job = { name: "test.fails", everySeconds: 1, run: async () => Promise.reject(new Error("boom")) };
    const s = startScheduler(db, [job], silent, 20);
    await new Promise((r) => setTimeout(r, 150));
    await s.stop();
    const [row] = await db.select().from(scheduledJobs).where(eq(scheduledJobs.name, "test.fails"));
    expect(row?.lastError).toBe("boom");
    expect(row?.lockedUntil).toBeNull();
  });
});

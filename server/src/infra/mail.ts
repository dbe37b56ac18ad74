import nodemailer, { type Transporter } from 'nodemailer';
import type postgres from 'postgres';
import { QUEUES, jobsExecutor, type Jobs } from './jobs';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Files sent along, e.g. an ICS invitation (kept in email_attachments). */
  attachments?: { filename: string; contentType: string; content: string }[];
}

/**
 * Emails are rows of the `emails` table written in the sender's transaction, plus a
 * delivery job in the same transaction: nothing is lost if SMTP is down or the server
 * stops. Without SMTP_URL the delivery only logs them (development).
 */
export async function enqueueEmail(tx: postgres.Sql | postgres.TransactionSql, jobs: Jobs, email: OutgoingEmail): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into emails ("to", subject, text) values (${email.to}, ${email.subject}, ${email.text}) returning id`;
  for (const a of email.attachments ?? []) {
    await tx`insert into email_attachments (email_id, filename, content_type, content) values (${row!.id}, ${a.filename}, ${a.contentType}, ${a.content})`;
  }
  await jobs.send(QUEUES.emailDelivery, { emailId: row!.id }, { db: jobsExecutor(tx) });
  return row!.id;
}

export async function startEmailDelivery(
  sql: postgres.Sql,
  jobs: Jobs,
  options: { smtpUrl: string | undefined; from: string; log: { info: (o: object, m: string) => void } },
): Promise<void> {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  await jobs.work<{ emailId: string }>(QUEUES.emailDelivery, { pollingIntervalSeconds: 2 }, async ([job]) => {
    if (!job) return;
    const [email] = await sql<{ id: string; to: string; subject: string; text: string; status: string }[]>`
      select id, "to", subject, text, status from emails where id = ${job.data.emailId}`;
    if (!email || email.status === 'sent' || email.status === 'logged') return;
    if (transport) {
      const attachments = await sql<{ filename: string; contentType: string; content: string }[]>`
        select filename, content_type as "contentType", content from email_attachments where email_id = ${email.id} order by filename`;
      try {
        await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text, attachments });
      } catch (error) {
        await sql`update emails set last_error = ${String(error)} where id = ${email.id}`;
        throw error;
      }
      await sql`update emails set status = 'sent', sent_at = now() where id = ${email.id}`;
    } else {
      options.log.info({ to: email.to, subject: email.subject, text: email.text }, 'email (no SMTP_URL: logged, not sent)');
      await sql`update emails set status = 'logged', sent_at = now() where id = ${email.id}`;
    }
  });
}

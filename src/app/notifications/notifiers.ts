import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import nodemailer from 'nodemailer';
import type { Deps } from '../deps.ts';

/**
 * Outside senders behind one port. Email goes over SMTP (nodemailer); SMS through a provider
 * adapter — the one shipped writes each message to SMS_OUTBOX_FILE for the demo. Tests pass
 * fakes as `deps.notifiers` (only outside senders may be faked).
 */
export type Message = { to: string; subject: string; body: string };
export type Sender = { send(m: Message): Promise<{ providerId?: string }> };
export type Notifiers = { email?: Sender; sms?: Sender };
export type NotifyingDeps = Deps & { notifiers?: Notifiers };

/** An SMS provider adapter: anything that can send text to a UK mobile number. */
export type SmsProvider = Sender;

/** The demo SMS adapter: appends one line per message to a file. */
export function fileSmsSender(path: string): SmsProvider {
  return {
    async send(m) {
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${new Date().toISOString()}\t${m.to}\t${m.body.replace(/\s+/g, ' ')}\n`, 'utf8');
      return {};
    },
  };
}

/** Email over SMTP; SMTP_URL like smtp://user:pass@host:587. */
export function smtpSender(url: string, from = 'Wellcheck <no-reply@wellcheck.invalid>'): Sender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.body });
      return { providerId: info.messageId };
    },
  };
}

/** The senders for these deps: injected ones, else from configuration. */
export function notifiersFor(deps: Deps): Notifiers {
  const injected = (deps as NotifyingDeps).notifiers;
  if (injected) return injected;
  return {
    email: deps.config.SMTP_URL ? smtpSender(deps.config.SMTP_URL) : undefined,
    sms: deps.config.SMS_OUTBOX_FILE ? fileSmsSender(deps.config.SMS_OUTBOX_FILE) : undefined,
  };
}

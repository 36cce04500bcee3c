// A real SMTP server for the browser tests: the app under test sends its mail here over SMTP, as it
// would to a school's mail provider, and the tests read what arrived from a small HTTP endpoint
// (GET /messages?to=address, newest first). Started by playwright.config.ts beside the app.
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMessage {
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
  receivedAt: string;
}

const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
const httpPort = Number(process.env.E2E_MAIL_PORT ?? 3109);
const messages: CaughtMessage[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((parsed) => {
        const headers: Record<string, string> = {};
        for (const line of parsed.headerLines) headers[line.key] = line.line.slice(line.key.length + 1).trim();
        messages.unshift({
          to: session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase()),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          headers,
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});

const http = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/health') return void response.writeHead(200).end('ok');
  if (url.pathname !== '/messages') return void response.writeHead(404).end();
  const to = url.searchParams.get('to')?.toLowerCase();
  const found = to ? messages.filter((message) => message.to.includes(to)) : messages;
  response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(found));
});

// A sender that dies mid-conversation (the newsletter spec SIGKILLs a server while it sends) resets
// its connection; smtp-server reports that as an 'error' event, which unheard would end this process
// and every spec after it would find no mail. A real mail server shrugs it off; so does this one.
smtp.on('error', (error: Error) => console.log(`[mail-catcher] a connection ended abruptly: ${error.message}`));

smtp.listen(smtpPort, '127.0.0.1', () => {
  http.listen(httpPort, '127.0.0.1', () => console.log(`[mail-catcher] SMTP on ${smtpPort}, messages on http://127.0.0.1:${httpPort}/messages`));
});

const stop = () => {
  http.close();
  smtp.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/** Our ceiling with Express: a bare Express 5 handler sending a precomputed body. Args: port, body file, type. */
import { readFileSync } from 'node:fs';
import express from 'express';

const [port, file, type] = process.argv.slice(2);
if (!port || !file || !type) throw new Error('usage: bare-server <port> <body file> <content type>');
const body = readFileSync(file);
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use((_req, res) => {
  res.type(type).send(body);
});
app.listen(Number(port), '127.0.0.1');

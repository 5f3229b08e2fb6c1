require('http').createServer((_, res) => res.end('ok')).listen(process.env.PORT || 3000);

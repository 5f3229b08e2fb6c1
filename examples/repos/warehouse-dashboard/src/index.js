require('http').createServer((_, res) => res.end('depot throughput')).listen(8080);

module northwind.example/metrics-gateway

go 1.22

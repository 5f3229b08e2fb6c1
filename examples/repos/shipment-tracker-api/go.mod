module northwind.example/shipment-tracker

go 1.22

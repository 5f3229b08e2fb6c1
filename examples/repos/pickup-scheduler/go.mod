module git.northwind.example/route-planning/pickup-scheduler

go 1.22

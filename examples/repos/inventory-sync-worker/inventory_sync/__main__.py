print("inventory-sync: waiting for jobs")

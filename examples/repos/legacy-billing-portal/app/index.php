<?php echo "Northwind billing portal"; ?>

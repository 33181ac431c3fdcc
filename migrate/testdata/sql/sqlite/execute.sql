UPDATE product SET stock = 1;
